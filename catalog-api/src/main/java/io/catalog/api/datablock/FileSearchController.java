package io.catalog.api.datablock;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.reactivestreams.client.FindPublisher;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.catalog.api.access.Caller;
import io.catalog.api.access.Resource;
import io.catalog.api.contract.ApiReturns;
import io.catalog.api.document.Catalog;
import io.catalog.api.query.Filter;

/**
 * SciCat's searches over the file lists the caller may read: {@code fullquery} (the blocks), {@code fullquery/files}
 * (one result per file in SciCat's unwound shape: the block's fields with {@code dataFileList} holding that one file,
 * and {@code datasetExist}), {@code fullfacet} and {@code fullfacet/files} (counts per value of the named fields).
 * The conditions are {@link FileQuery}'s; results stream from MongoDB and stop once the page is full.
 */
@RestController
@Tag(name = "OrigDatablocks")
@RequestMapping({ "/api/v3/origdatablocks", "/api/v4/origdatablocks" })
class FileSearchController {

	private final Catalog catalog;

	private final ObjectMapper mapper;

	FileSearchController(Catalog catalog, ObjectMapper mapper) {
		this.catalog = catalog;
		this.mapper = mapper;
	}

	@GetMapping("/fullquery")
	@Operation(operationId = "fullqueryOrigDatablocks", summary = "The readable origdatablocks matching field values (a file path, a pattern, a group) or a piece of a file path")
	@ApiReturns(value = "OrigDatablock", list = true)
	Mono<List<Map<String, Object>>> blocks(@RequestParam(required = false) String fields,
			@RequestParam(required = false) String limits, Caller caller) {
		return Mono.fromCallable(() -> query(fields)).flatMap(query -> {
			var page = catalog.filters().parseLimits(limits);
			return Flux.from(sorted(query, caller, page))
				.filter(block -> query.text().isEmpty() || files(block).stream().anyMatch(query::matches))
				.skip(page.skip())
				.take(page.limit())
				.map(BlockKind.ORIG.kind()::toJson)
				.collectList();
		});
	}

	@GetMapping("/fullquery/files")
	@Operation(operationId = "fullqueryOrigDatablockFiles", summary = "Files of the readable origdatablocks, one entry per file, each saying whether its dataset exists")
	Mono<List<Map<String, Object>>> files(@RequestParam(required = false) String fields,
			@RequestParam(required = false) String limits, Caller caller) {
		return Mono.fromCallable(() -> query(fields)).flatMap(query -> {
			var page = catalog.filters().parseLimits(limits);
			return Flux.from(sorted(query, caller, page))
				.concatMapIterable(block -> files(block).stream().filter(query::matches).map(file -> unwound(block, file)).toList())
				.skip(page.skip())
				.take(page.limit())
				.collectList()
				.flatMap(this::markDatasets);
		});
	}

	@GetMapping("/fullfacet")
	@Operation(operationId = "fullfacetOrigDatablocks", summary = "Counts of the readable origdatablocks per value of each facet field, and in all")
	Mono<List<Map<String, Object>>> facets(@RequestParam(required = false) String fields,
			@RequestParam(required = false) String facets, Caller caller) {
		return facetCounts(fields, facets, false, caller);
	}

	@GetMapping("/fullfacet/files")
	@Operation(operationId = "fullfacetOrigDatablockFiles", summary = "Counts per value of each facet field, and how many files the readable origdatablocks hold in all")
	Mono<List<Map<String, Object>>> fileFacets(@RequestParam(required = false) String fields,
			@RequestParam(required = false) String facets, Caller caller) {
		return facetCounts(fields, facets, true, caller);
	}

	private Mono<List<Map<String, Object>>> facetCounts(String fields, String facets, boolean countFiles,
			Caller caller) {
		return Mono.fromCallable(() -> new FacetCounts(FacetCounts.names(facets, mapper), query(fields)))
			.flatMap(counts -> Flux.from(catalog.store().collection(BlockKind.ORIG.kind().collection())
					.find(counts.query().and(rule(caller))))
				.filter(block -> counts.query().text().isEmpty() || files(block).stream().anyMatch(counts.query()::matches))
				.doOnNext(block -> counts.add(block, countFiles ? files(block).size() : 1))
				.then(Mono.fromSupplier(() -> List.of(counts.result()))));
	}

	private FileQuery query(String fields) {
		return FileQuery.read(fields, mapper, catalog);
	}

	private Document rule(Caller caller) {
		return catalog.policy().readRule(caller, Resource.ORIG_DATABLOCK);
	}

	private FindPublisher<Document> sorted(FileQuery query, Caller caller, Filter page) {
		var order = page.order().isEmpty() ? new Document("createdAt", 1) : new Document(page.order());
		order.putIfAbsent("_id", 1);
		return catalog.store().collection(BlockKind.ORIG.kind().collection()).find(query.and(rule(caller))).sort(order);
	}

	/** Adds {@code datasetExist} to each file of the page, asking the store once for the datasets they name. */
	private Mono<List<Map<String, Object>>> markDatasets(List<Map<String, Object>> page) {
		Set<Object> named = new HashSet<>();
		page.forEach(file -> named.add(file.get("datasetId")));
		var ids = named.stream().filter(id -> id != null).toList();
		return Flux.from(catalog.store().collection("Dataset").find(new Document("_id", new Document("$in", ids)))
				.projection(new Document("_id", 1)))
			.map(dataset -> dataset.get("_id"))
			.collect(HashSet::new, Set::add)
			.map(existing -> {
				page.forEach(file -> file.put("datasetExist", existing.contains(file.get("datasetId"))));
				return page;
			});
	}

	private static List<Document> files(Document block) {
		return block.getList("dataFileList", Document.class, List.of());
	}

	private static Map<String, Object> unwound(Document block, Document file) {
		var copy = new Document(block);
		copy.put("dataFileList", file);
		return BlockKind.ORIG.kind().toJson(copy);
	}

}
