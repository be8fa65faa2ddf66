package io.catalog.api.search;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import io.catalog.api.access.Caller;
import io.catalog.api.dataset.Datasets;
import io.catalog.api.document.Catalog;
import io.catalog.api.document.InvalidInputException;

/**
 * Full queries, facets, counts and metadata keys over datasets, answered from the search index under the
 * caller's read rule; the page's documents come from MongoDB in the index's order.
 */
@Service
class DatasetSearch {

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private final Catalog catalog;

	private final SearchIndexes indexes;

	private final ObjectMapper mapper;

	DatasetSearch(Catalog catalog, SearchIndexes indexes, ObjectMapper mapper) {
		this.catalog = catalog;
		this.indexes = indexes;
		this.mapper = mapper;
	}

	Mono<List<Map<String, Object>>> fullquery(String fieldsJson, String limitsJson, Caller caller) {
		var limits = catalog.filters().parseLimits(limitsJson);
		var order = order(limits.order());
		return answer(fieldsJson, (query, ids) -> indexes.datasets()
			.page(query, rule(caller), ids, order, limits.skip(), limits.limit()))
			.flatMap(page -> fetch(page.ids(), caller));
	}

	Mono<List<Map<String, Object>>> fullfacet(String fieldsJson, String facetsJson, Caller caller) {
		var facets = facets(facetsJson);
		return answer(fieldsJson, (query, ids) -> List.<Map<String, Object>>of(
				new LinkedHashMap<>(indexes.datasets().facets(query, rule(caller), ids, facets))));
	}

	Mono<Long> count(String fieldsJson, Caller caller) {
		return answer(fieldsJson, (query, ids) -> indexes.datasets().count(query, rule(caller), ids));
	}

	Mono<List<MetadataKeys.KeyUse>> metadataKeys(String fieldsJson, Caller caller) {
		return answer(fieldsJson, (query, ids) -> indexes.datasets().metadataKeys(query, rule(caller), ids));
	}

	/** Reads the fields, resolves a raw {@code mode} in MongoDB if there is one, then asks the index. */
	private <T> Mono<T> answer(String fieldsJson, BiFunction<SearchQuery, Set<Object>, T> ask) {
		return Mono.fromCallable(() -> query(fieldsJson))
			.flatMap(query -> modeIds(query).map(ids -> ask.apply(query, ids))
				.switchIfEmpty(Mono.fromCallable(() -> ask.apply(query, null))));
	}

	private Document rule(Caller caller) {
		return catalog.policy().readRule(caller, Datasets.KIND.resource());
	}

	private SearchQuery query(String fieldsJson) {
		if (fieldsJson == null || fieldsJson.isBlank()) {
			return SearchQuery.ALL;
		}
		try {
			return SearchQuery.parse(Profile.DATASETS, mapper.readValue(fieldsJson, OBJECT));
		}
		catch (JsonProcessingException ex) {
			throw new InvalidInputException("fields", "is not a valid JSON object: " + ex.getOriginalMessage());
		}
	}

	private List<String> facets(String facetsJson) {
		if (facetsJson == null || facetsJson.isBlank()) {
			return List.of("type", "creationLocation", "ownerGroup", "keywords");
		}
		List<String> facets;
		try {
			facets = mapper.readValue(facetsJson, STRINGS);
		}
		catch (JsonProcessingException ex) {
			throw new InvalidInputException("facets", "is not a JSON array of field names: " + ex.getOriginalMessage());
		}
		for (String facet : facets) {
			if (!Profile.DATASETS.facetFields().contains(facet)) {
				throw new InvalidInputException("facets", "cannot count " + facet + "; one of " + Profile.DATASETS.facetFields());
			}
		}
		return facets;
	}

	private Order order(Document order) {
		if (order.isEmpty()) {
			return null;
		}
		var first = order.entrySet().iterator().next();
		var field = "_id".equals(first.getKey()) ? "pid" : first.getKey();
		var direction = first.getValue() instanceof Number n && n.intValue() < 0 ? "desc" : "asc";
		return Order.parse(field + ":" + direction, Profile.DATASETS.sortFields());
	}

	/** The ids a raw {@code mode} condition selects, from MongoDB; empty when the query has none. */
	private Mono<Set<Object>> modeIds(SearchQuery query) {
		if (query.mode() == null) {
			return Mono.empty();
		}
		String json;
		try {
			json = mapper.writeValueAsString(query.mode());
		}
		catch (JsonProcessingException ex) {
			return Mono.error(new InvalidInputException("fields.mode", "cannot be read"));
		}
		var where = catalog.filters().parseWhere(json, Datasets.KIND.schema());
		return Flux.from(catalog.store().collection(Datasets.KIND.collection()).find(where)
			.projection(new Document("_id", 1))).map(d -> d.get("_id")).collect(HashSet::new, Set::add);
	}

	private Mono<List<Map<String, Object>>> fetch(List<Object> ids, Caller caller) {
		if (ids.isEmpty()) {
			return Mono.just(List.of());
		}
		return Flux.from(catalog.store().collection(Datasets.KIND.collection()).find(new Document("_id", new Document("$in", ids))))
			.filter(document -> catalog.policy().canRead(caller, Datasets.KIND.resource(), document))
			.collectMap(document -> document.get("_id"), document -> document, HashMap::new)
			.map(found -> ids.stream().filter(found::containsKey).map(id -> Datasets.KIND.toJson(found.get(id))).toList());
	}


}
