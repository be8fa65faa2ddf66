package io.catalog.api.search;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import io.catalog.api.access.Caller;
import io.catalog.api.document.Catalog;
import io.catalog.api.document.DocumentStore;
import io.catalog.api.units.UnitSymbols;
import io.catalog.api.web.InvalidInputException;

/**
 * Full queries, facets, counts and metadata keys over one kind of document, answered from its search index under
 * the caller's read rule; a page's documents come from MongoDB in the index's order.
 */
@Service
class Search {

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private final Catalog catalog;

	private final SearchIndexes indexes;

	private final ObjectMapper mapper;

	Search(Catalog catalog, SearchIndexes indexes, ObjectMapper mapper) {
		this.catalog = catalog;
		this.indexes = indexes;
		this.mapper = mapper;
	}

	Mono<List<Map<String, Object>>> fullquery(Profile profile, String fieldsJson, String limitsJson, Caller caller) {
		var limits = catalog.filters().parseLimits(limitsJson);
		var order = order(profile, limits.order());
		var sorts = order == null ? List.<String>of() : List.of(order.field());
		return answer(profile, fieldsJson, caller, sorts, List.of(), (query, ids) -> indexes.of(profile)
			.page(query, ownRule(profile, caller, query), ids, order, limits.skip(), limits.limit()))
			.flatMap(page -> fetch(profile, page.ids(), caller))
			.map(documents -> inQueryUnits(profile, documents, query(profile, fieldsJson)));
	}

	Mono<List<Map<String, Object>>> fullfacet(Profile profile, String fieldsJson, String facetsJson, Caller caller) {
		var facets = facets(profile, facetsJson);
		return answer(profile, fieldsJson, caller, List.of(), facets, (query, ids) -> List.<Map<String, Object>>of(
				new LinkedHashMap<>(indexes.of(profile).facets(query, ownRule(profile, caller, query), ids, facets))));
	}

	Mono<Long> count(Profile profile, String fieldsJson, Caller caller) {
		return answer(profile, fieldsJson, caller, List.of(), List.of(),
				(query, ids) -> indexes.of(profile).count(query, rule(profile, caller), ids));
	}

	Mono<List<MetadataKeys.KeyUse>> metadataKeys(Profile profile, String fieldsJson, Caller caller) {
		return answer(profile, fieldsJson, caller, List.of(), List.of(),
				(query, ids) -> indexes.of(profile).metadataKeys(query, rule(profile, caller), ids));
	}

	/**
	 * Reads the fields, has the index keep the fields sorted and counted by (read in once, the first time), resolves
	 * a raw {@code mode} in MongoDB if there is one, then asks the index.
	 */
	private <T> Mono<T> answer(Profile profile, String fieldsJson, Caller caller, List<String> sorts, List<String> facets,
			BiFunction<SearchQuery, Set<Object>, T> ask) {
		return Mono.fromCallable(() -> query(profile, fieldsJson))
			.flatMap(query -> Flux.concat(Flux.fromIterable(sorts).concatMap(field -> indexes.ensure(profile, field, false)),
					Flux.fromIterable(facets).concatWith(Flux.fromIterable(query.equal().keySet()))
						.concatMap(field -> indexes.ensure(profile, field, true)))
				.then(modeIds(profile, query, caller).map(ids -> ask.apply(query, ids))
					.switchIfEmpty(Mono.fromCallable(() -> ask.apply(query, null)))));
	}

	private Document rule(Profile profile, Caller caller) {
		return catalog.policy().readRule(caller, profile.kind().resource());
	}

	/**
	 * What a full query or facet shows, as SciCat: a signed-in caller's own groups' documents (owner or access
	 * group), published ones only when the query asks for them; the anonymous the published ones.
	 */
	private Document ownRule(Profile profile, Caller caller, SearchQuery query) {
		boolean publishedAsked = query.equal().getOrDefault("isPublished", List.of()).contains(Boolean.TRUE);
		return publishedAsked ? rule(profile, caller) : catalog.policy().groupRule(caller, profile.kind().resource());
	}

	private SearchQuery query(Profile profile, String fieldsJson) {
		if (fieldsJson == null || fieldsJson.isBlank()) {
			return SearchQuery.ALL;
		}
		try {
			return SearchQuery.parse(profile, mapper.readValue(fieldsJson, OBJECT));
		}
		catch (JsonProcessingException ex) {
			throw new InvalidInputException("fields", "is not a valid JSON object: " + ex.getOriginalMessage());
		}
	}

	private List<String> facets(Profile profile, String facetsJson) {
		if (facetsJson == null || facetsJson.isBlank()) {
			return profile == Profile.DATASETS ? List.of("type", "creationLocation", "ownerGroup", "keywords")
					: List.of("ownerGroup");
		}
		List<String> facets;
		try {
			facets = mapper.readValue(facetsJson, STRINGS);
		}
		catch (JsonProcessingException ex) {
			throw new InvalidInputException("facets", "is not a JSON array of field names: " + ex.getOriginalMessage());
		}
		for (String facet : facets) {
			if (!KnownFields.countable(profile, facet)) {
				throw new InvalidInputException("facets", "cannot count " + facet
						+ "; counts a string, number, date, boolean or string list field of " + profile.collection());
			}
		}
		return facets;
	}

	private Order order(Profile profile, Document order) {
		if (order.isEmpty()) {
			return null;
		}
		var first = order.entrySet().iterator().next();
		var field = "_id".equals(first.getKey()) ? profile.kind().idField() : first.getKey();
		var direction = first.getValue() instanceof Number n && n.intValue() < 0 ? "desc" : "asc";
		return Order.parse(field + ":" + direction, profile);
	}

	/**
	 * Adds {@code valueInQueryUnit} and {@code queryUnit} to each metadata entry a unit condition compared, so
	 * that a query in eV reads values written in keV in eV.
	 */
	private static List<Map<String, Object>> inQueryUnits(Profile profile, List<Map<String, Object>> documents,
			SearchQuery query) {
		for (Condition condition : query.conditions()) {
			if (condition.unit() == null) {
				continue;
			}
			for (Map<String, Object> document : documents) {
				Object entry = document.get(profile.metadataField());
				for (String part : condition.lhs().split("\\.")) {
					entry = entry instanceof Map<?, ?> map ? map.get(part) : null;
				}
				if (entry instanceof Map<?, ?> map && map.get("valueSI") instanceof Number si
						&& condition.unitSI().equals(map.get("unitSI"))) {
					@SuppressWarnings("unchecked")
					var quantity = (Map<String, Object>) map;
					quantity.put("valueInQueryUnit", UnitSymbols.fromSI(condition.unit(), si.doubleValue()));
					quantity.put("queryUnit", condition.unitSymbol());
				}
			}
		}
		return documents;
	}

	/**
	 * The ids a raw {@code mode} condition selects among the documents the caller may read, from MongoDB (the read
	 * rule first, so no client pattern runs over another's documents); empty when the query has none.
	 */
	private Mono<Set<Object>> modeIds(Profile profile, SearchQuery query, Caller caller) {
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
		var where = catalog.filters().parseWhere(json, profile.kind().schema());
		var store = catalog.store();
		return Flux.from(store.collection(profile.kind().collection()).find(DocumentStore.and(where, rule(profile, caller)))
			.projection(new Document("_id", 1)).maxTime(store.maxTimeMillis(), TimeUnit.MILLISECONDS))
			.map(d -> d.get("_id")).collect(HashSet::new, Set::add);
	}

	/** The page's documents in the index's order, read in one query by their ids. */
	private Mono<List<Map<String, Object>>> fetch(Profile profile, List<Object> ids, Caller caller) {
		if (ids.isEmpty()) {
			return Mono.just(List.of());
		}
		return Flux.from(catalog.store().collection(profile.kind().collection()).find(new Document("_id", new Document("$in", ids))))
			.collectMap(document -> document.get("_id"))
			.map(byId -> ids.stream().map(byId::get)
				.filter(document -> document != null && catalog.policy().canRead(caller, profile.kind().resource(), document))
				.map(profile.kind()::toJson)
				.toList());
	}

}
