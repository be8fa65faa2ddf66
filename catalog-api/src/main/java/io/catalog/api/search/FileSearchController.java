package io.catalog.api.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.catalog.api.access.Caller;
import io.catalog.api.access.Resource;
import io.catalog.api.document.Catalog;
import io.catalog.api.document.InvalidInputException;
import io.catalog.api.document.Json;

/**
 * SciCat's {@code /origdatablocks/fullquery/files}: the files of the file lists the caller may read, one result
 * per file in SciCat's unwound shape (the block's fields with {@code dataFileList} holding that one file).
 * Fields: {@code text} (in the file path, any case), {@code datasetId}, {@code ownerGroup}. Streamed from MongoDB,
 * stopping once the page is full.
 */
@RestController
@Tag(name = "OrigDatablocks")
@RequestMapping({ "/api/v3/origdatablocks", "/api/v4/origdatablocks" })
class FileSearchController {

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private final Catalog catalog;

	private final ObjectMapper mapper;

	FileSearchController(Catalog catalog, ObjectMapper mapper) {
		this.catalog = catalog;
		this.mapper = mapper;
	}

	@GetMapping("/fullquery/files")
	@Operation(operationId = "fullqueryOrigDatablockFiles", summary = "Files of the readable origdatablocks, one entry per file, by dataset, owner group or text")
	Mono<List<Map<String, Object>>> files(@RequestParam(required = false) String fields,
			@RequestParam(required = false) String limits, Caller caller) {
		return Mono.fromCallable(() -> read(fields)).flatMap(query -> {
			var page = catalog.filters().parseLimits(limits);
			var text = query.get("text") instanceof String t ? t.toLowerCase(Locale.ROOT) : "";
			var find = catalog.store().collection("OrigDatablock").find(where(query, caller))
				.sort(new Document("createdAt", 1).append("_id", 1));
			return Flux.from(find)
				.concatMapIterable(block -> unwound(block, text))
				.skip(page.skip())
				.take(page.limit())
				.collectList();
		});
	}

	/**
	 * SciCat's {@code /origdatablocks/fullfacet/files}: per facet field, how many readable file lists hold each value;
	 * under {@code all}, how many files they list ({@code text}: only files whose path holds it).
	 */
	@GetMapping("/fullfacet/files")
	@Operation(operationId = "fullfacetOrigDatablockFiles", summary = "Facet counts of the readable origdatablocks and the number of files they list")
	Mono<List<Map<String, Object>>> facets(@RequestParam(required = false) String fields,
			@RequestParam(required = false) String facets, Caller caller) {
		return Mono.fromCallable(() -> read(fields)).flatMap(query -> {
			var names = facetNames(facets);
			var text = query.get("text") instanceof String t ? t.toLowerCase(Locale.ROOT) : "";
			var counts = new LinkedHashMap<String, Map<Object, Long>>();
			names.forEach(name -> counts.put(name, new LinkedHashMap<>()));
			var files = new long[1];
			return Flux.from(catalog.store().collection("OrigDatablock").find(where(query, caller)))
				.doOnNext(block -> {
					names.forEach(name -> facetValues(block.get(name)).forEach(value -> counts.get(name).merge(value, 1L, Long::sum)));
					files[0] += block.getList("dataFileList", Document.class, List.of()).stream()
						.filter(file -> String.valueOf(file.get("path")).toLowerCase(Locale.ROOT).contains(text)).count();
				})
				.then(Mono.fromCallable(() -> {
					var result = new LinkedHashMap<String, Object>();
					counts.forEach((name, byValue) -> result.put(name, byValue.entrySet().stream()
						.sorted(Map.Entry.<Object, Long>comparingByValue().reversed())
						.map(e -> Map.<String, Object>of("_id", e.getKey(), "count", e.getValue())).toList()));
					result.put("all", List.of(Map.of("totalSets", files[0])));
					return List.<Map<String, Object>>of(result);
				}));
		});
	}

	private Document where(Map<String, Object> query, Caller caller) {
		var where = new Document();
		for (String field : List.of("datasetId", "ownerGroup")) {
			if (query.get(field) instanceof String value) {
				where.put(field, value);
			}
		}
		var rule = catalog.policy().readRule(caller, Resource.ORIG_DATABLOCK);
		return rule.isEmpty() ? where : where.isEmpty() ? rule : new Document("$and", List.of(where, rule));
	}

	private List<String> facetNames(String facets) {
		if (facets == null || facets.isBlank()) {
			return List.of();
		}
		try {
			return mapper.readValue(facets, STRINGS);
		}
		catch (JsonProcessingException ex) {
			throw new InvalidInputException("facets", "is not a JSON array of field names: " + ex.getOriginalMessage());
		}
	}

	private static List<Object> facetValues(Object value) {
		if (value == null) {
			return List.of();
		}
		return value instanceof List<?> list ? list.stream().filter(v -> v != null).map(v -> (Object) v).toList()
				: List.of(value);
	}

	private static List<Map<String, Object>> unwound(Document block, String text) {
		var files = block.getList("dataFileList", Document.class, List.of());
		return files.stream()
			.filter(file -> String.valueOf(file.get("path")).toLowerCase(Locale.ROOT).contains(text))
			.map(file -> {
				var copy = new Document(block);
				copy.put("dataFileList", file);
				@SuppressWarnings("unchecked")
				var json = (Map<String, Object>) Json.toJson(copy);
				return json;
			})
			.toList();
	}

	private Map<String, Object> read(String fields) {
		if (fields == null || fields.isBlank()) {
			return Map.of();
		}
		try {
			return mapper.readValue(fields, OBJECT);
		}
		catch (JsonProcessingException ex) {
			throw new InvalidInputException("fields", "is not a valid JSON object: " + ex.getOriginalMessage());
		}
	}

}
