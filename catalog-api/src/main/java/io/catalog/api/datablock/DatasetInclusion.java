package io.catalog.api.datablock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.catalog.api.access.Caller;
import io.catalog.api.access.Resource;
import io.catalog.api.dataset.Datasets;
import io.catalog.api.document.Catalog;
import io.catalog.api.query.Filter;
import io.catalog.api.web.InvalidInputException;

/**
 * SciCat v4's filters over file lists: the LoopBack filter plus {@code include} of the block's {@code dataset} (or
 * {@code all}, the same here), embedded as a one-element list as SciCat's lookup answers it; a dataset the caller may
 * not read is left out.
 */
final class DatasetInclusion {

	static final String RELATION = "dataset";

	private static final int MAX_LENGTH = 64 * 1024;

	private final Catalog catalog;

	private final ObjectMapper mapper;

	DatasetInclusion(Catalog catalog, ObjectMapper mapper) {
		this.catalog = catalog;
		this.mapper = mapper;
	}

	/** The blocks matching a v4 filter and the access rule, with their datasets if the filter includes them. */
	Mono<List<Map<String, Object>>> list(String filterJson, Document rule, Caller caller) {
		return Mono.fromCallable(() -> parse(filterJson)).flatMap(parsed -> {
			var filter = parsed.filter();
			if (parsed.includes() && !filter.fields().isEmpty() && !filter.fields().contains("datasetId")) {
				var fields = new ArrayList<>(filter.fields());
				fields.add("datasetId");
				filter = new Filter(filter.where(), fields, filter.include(), filter.limit(), filter.skip(), filter.order());
			}
			return catalog.store().find(BlockKind.ORIG.kind(), filter, rule).collectList()
				.flatMap(blocks -> parsed.includes() ? withDatasets(blocks, caller) : Mono.just(json(blocks)));
		});
	}

	/** Reads the {@code include} query parameter of a single block: {@code dataset}, {@code all} or nothing. */
	static boolean includes(List<String> include) {
		if (include == null) {
			return false;
		}
		for (String name : include) {
			check(name);
		}
		return !include.isEmpty();
	}

	Mono<List<Map<String, Object>>> withDatasets(List<Document> blocks, Caller caller) {
		var ids = blocks.stream().map(block -> block.get("datasetId")).distinct().toList();
		var where = new Document("_id", new Document("$in", ids));
		var rule = catalog.policy().readRule(caller, Resource.DATASET);
		return Flux.from(catalog.store().collection(Datasets.KIND.collection())
				.find(rule.isEmpty() ? where : new Document("$and", List.of(where, rule))))
			.collectMap(dataset -> dataset.get("_id"), Datasets.KIND::toJson)
			.map(datasets -> blocks.stream().map(block -> {
				var json = BlockKind.ORIG.kind().toJson(block);
				var dataset = datasets.get(block.get("datasetId"));
				json.put(RELATION, dataset == null ? List.of() : List.of(dataset));
				return json;
			}).toList());
	}

	private record Parsed(Filter filter, boolean includes) {
	}

	private Parsed parse(String filterJson) {
		if (filterJson == null || filterJson.isBlank()) {
			return new Parsed(catalog.filter(BlockKind.ORIG.kind(), null), false);
		}
		if (filterJson.length() > MAX_LENGTH) {
			throw new InvalidInputException("filter", "longer than " + MAX_LENGTH + " characters");
		}
		JsonNode node;
		try {
			node = mapper.readTree(filterJson);
		}
		catch (JsonProcessingException ex) {
			throw new InvalidInputException("filter", "is not valid JSON: " + ex.getOriginalMessage());
		}
		if (!(node instanceof ObjectNode object)) {
			throw new InvalidInputException("filter", "must be a JSON object");
		}
		var include = object.remove("include");
		var names = new ArrayList<String>();
		if (include != null && !include.isNull()) {
			(include.isArray() ? include : mapper.createArrayNode().add(include)).forEach(item -> names
				.add(item.isObject() ? item.path("relation").asText() : item.asText()));
		}
		return new Parsed(catalog.filter(BlockKind.ORIG.kind(), object.toString()), includes(names));
	}

	private static void check(String name) {
		if (!RELATION.equals(name) && !"all".equals(name)) {
			throw new InvalidInputException("include", "unknown relation " + name + "; known: dataset, all");
		}
	}

	private static List<Map<String, Object>> json(List<Document> blocks) {
		return blocks.stream().map(BlockKind.ORIG.kind()::toJson).toList();
	}

}
