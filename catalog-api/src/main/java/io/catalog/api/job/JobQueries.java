package io.catalog.api.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import io.catalog.api.access.AccessPolicy;
import io.catalog.api.access.Caller;
import io.catalog.api.access.Resource;
import io.catalog.api.dataset.Datasets;
import io.catalog.api.document.Catalog;
import io.catalog.api.document.EntityKind;
import io.catalog.api.query.Filter;
import io.catalog.api.query.FilterParser;
import io.catalog.api.web.InvalidInputException;

/**
 * Job reads with SciCat's filters: {@code where}, {@code fields}, {@code limits}, and {@code include} of the
 * listed {@code datasets} (those the caller may read; {@code datasetDetails} adds their datablocks, original
 * datablocks and attachments); v3 field names ({@code jobStatusMessage}, {@code creationTime}, ...) mapped to v4's.
 */
@Component
class JobQueries {

	/** The fields a job always carries so its access can be judged; dropped again unless asked for. */
	static final List<String> MANDATORY = List.of("_id", "id", "type", "ownerGroup", "ownerUser");

	/** Where a job lists its datasets; read for an include even when the fields leave it out. */
	private static final String LISTED = "jobParams.datasetList";

	private static final Set<String> INCLUDES = Set.of("datasets", "datasetDetails", "all");

	private static final List<Detail> DETAILS = List.of(new Detail("datablocks", Resource.DATABLOCK),
			new Detail("origdatablocks", Resource.ORIG_DATABLOCK), new Detail("attachments", Resource.ATTACHMENT));

	/** What {@code datasetDetails} adds to each dataset under {@code key} (a dataset relation), and its rule. */
	record Detail(String key, Resource resource) {

		EntityKind.Relation relation() {
			return Datasets.KIND.relations().get(key);
		}

		boolean readable(AccessPolicy policy, Caller caller, Document doc) {
			if (resource == Resource.ATTACHMENT) {
				return policy.canRead(caller, resource, doc);
			}
			var unpublished = new Document(doc);
			unpublished.remove("isPublished");
			return policy.canRead(caller, resource, unpublished);
		}

	}

	/** SciCat's words for an include other than one of {@link #INCLUDES}, compared by its clients as they are. */
	static final String WRONG_INCLUDE = "The 'include' filter must contain 'datasets' — it’s currently the only "
			+ "collection that can be merged. To include related data, add use Jobs/v4/datasetDetails endpoint";

	/** A parsed filter and what it includes. */
	record Query(Filter filter, List<String> fields, String include) {
	}

	private final Catalog catalog;

	private final ObjectMapper mapper;

	JobQueries(Catalog catalog, ObjectMapper mapper) {
		this.catalog = catalog;
		this.mapper = mapper;
	}

	/** Parses a {@code filter} parameter; {@code include} and dataset fields are taken out before the catalog's parser. */
	Query parse(String json, boolean v3, String forcedInclude) {
		if (json == null || json.isBlank()) {
			return new Query(catalog.filter(Jobs.KIND, null), List.of(), forcedInclude);
		}
		ObjectNode node;
		try {
			node = mapper.readTree(json) instanceof ObjectNode object ? object : null;
		}
		catch (JsonProcessingException ex) {
			throw new InvalidInputException("filter", "is not valid JSON: " + ex.getOriginalMessage());
		}
		if (node == null) {
			throw new InvalidInputException("filter", "must be a JSON object");
		}
		var include = forcedInclude != null ? forcedInclude : include(node.remove("include"));
		if (forcedInclude != null && node.has("include")) {
			throw new InvalidInputException("filter.include", "datasetDetails are always included here");
		}
		var fields = new ArrayList<String>();
		if (node.get("fields") != null && node.get("fields").isArray()) {
			node.get("fields").forEach(f -> fields.add(FilterParser.fieldName(v3 ? v4Name(f.asText()) : f.asText(),
					"filter.fields")));
			node.remove("fields");
		}
		if (v3 && node.get("where") instanceof ObjectNode where) {
			node.set("where", renamed(where));
		}
		if (v3 && node.get("limits") instanceof ObjectNode limits && limits.get("order") != null
				&& limits.get("order").isTextual()) {
			limits.put("order", v4Order(limits.get("order").asText()));
		}
		var parsed = catalog.filter(Jobs.KIND, node.toString());
		var filter = new Filter(byId(parsed.where()), parsed.fields(), parsed.include(), parsed.limit(), parsed.skip(),
				parsed.order());
		var own = fields.stream().filter(f -> !f.startsWith("datasets.") && !f.startsWith("datasetDetails.")).toList();
		if (!own.isEmpty()) {
			var projected = new ArrayList<>(own);
			MANDATORY.stream().filter(m -> !projected.contains(m) && !"_id".equals(m)).forEach(projected::add);
			if (include != null && projected.stream().noneMatch(f -> "jobParams".equals(f) || f.startsWith(LISTED))) {
				projected.add(LISTED);
			}
			filter = new Filter(filter.where(), projected, filter.include(), filter.limit(), filter.skip(), filter.order());
		}
		return new Query(filter, fields, include);
	}

	private static String include(com.fasterxml.jackson.databind.JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		var names = new ArrayList<String>();
		if (node.isArray()) {
			node.forEach(n -> names.add(n.isObject() ? n.path("relation").asText() : n.asText()));
		}
		else {
			names.add(node.isObject() ? node.path("relation").asText() : node.asText());
		}
		if (names.size() != 1 || !INCLUDES.contains(names.get(0))) {
			throw new InvalidInputException("filter.include", "names a relation jobs cannot merge", WRONG_INCLUDE);
		}
		return names.get(0);
	}

	private ObjectNode renamed(ObjectNode where) {
		var copy = mapper.createObjectNode();
		where.properties().forEach(e -> copy.set(v4Name(e.getKey()), e.getValue() instanceof ObjectNode inner
				&& !e.getKey().startsWith("$") ? inner : e.getValue()));
		return copy;
	}

	/** A v3 {@code order} ({@code creationTime:desc,type}) with v4's field names. */
	static String v4Order(String order) {
		return java.util.Arrays.stream(order.split(",")).map(String::trim).map(part -> {
			int colon = part.indexOf(':');
			return colon < 0 ? v4Name(part) : v4Name(part.substring(0, colon)) + part.substring(colon);
		}).collect(java.util.stream.Collectors.joining(","));
	}

	/** A condition on {@code id} is one on the stored {@code _id}. */
	static Document byId(Document where) {
		if (where.containsKey("id") && !where.containsKey("_id")) {
			var renamed = new Document();
			where.forEach((k, v) -> renamed.put("id".equals(k) ? "_id" : k, v));
			return renamed;
		}
		return where;
	}

	static String v4Name(String name) {
		return Jobs.V3_FIELDS.getOrDefault(name, name);
	}

	/** The jobs one query finds under the caller's read rule, as the API shows them. */
	Mono<List<Map<String, Object>>> find(Query query, Caller caller, Document rule, boolean v3) {
		return catalog.store().find(Jobs.KIND, query.filter(), rule).collectList()
			.flatMap(jobs -> withDatasets(jobs, query, caller))
			.map(jobs -> jobs.stream().map(job -> shown(job, query, v3)).toList());
	}

	private Mono<List<Map<String, Object>>> withDatasets(List<Document> jobs, Query query, Caller caller) {
		return Flux.fromIterable(jobs).concatMap(job -> {
			var json = Jobs.toJson(job);
			if (query.include() == null) {
				return Mono.just(json);
			}
			var pids = Jobs.datasetList(json).stream().filter(Map.class::isInstance)
				.map(e -> ((Map<?, ?>) e).get("pid")).toList();
			var key = "datasetDetails".equals(query.include()) ? "datasetDetails" : "datasets";
			return Flux.from(catalog.store().collection(Datasets.KIND.collection())
				.find(new Document("_id", new Document("$in", pids))))
				.filter(d -> catalog.policy().canRead(caller, Resource.DATASET, d))
				.concatMap(d -> "datasets".equals(key) ? Mono.just(Datasets.KIND.toJson(d)) : details(d, caller))
				.map(d -> project(d, query.fields(), key))
				.collectList().map(found -> {
					json.put(key, found);
					return json;
				});
		}).collectList();
	}

	/**
	 * A dataset with its file lists and attachments. File lists are shown to the caller who may read them as if they
	 * were unpublished (their groups, or readers of all), as SciCat shows them here: a public dataset does not open
	 * the file lists of every job's datasets to every job reader. Attachments follow their own read rule.
	 */
	private Mono<Map<String, Object>> details(Document dataset, Caller caller) {
		var json = new LinkedHashMap<>(Datasets.KIND.toJson(dataset));
		var pid = dataset.get("_id");
		return Flux.fromIterable(DETAILS)
			.concatMap(detail -> Flux.from(catalog.store().collection(detail.relation().collection())
				.find(detail.relation().pointingAt(List.of(pid))))
				.filter(doc -> detail.readable(catalog.policy(), caller, doc))
				.map(JobQueries::Json).collectList()
				.doOnNext(list -> json.put(detail.key(), list)))
			.then(Mono.just(json));
	}

	private static Map<String, Object> Json(Document doc) {
		var json = new LinkedHashMap<String, Object>();
		json.put("id", doc.get("_id"));
		doc.forEach((k, v) -> json.putIfAbsent(k, io.catalog.api.schema.Json.toJson(v)));
		return json;
	}

	private static Map<String, Object> project(Map<String, Object> dataset, List<String> fields, String key) {
		var prefix = key + ".";
		var wanted = fields.stream().filter(f -> f.startsWith(prefix)).map(f -> f.substring(prefix.length())).toList();
		if (wanted.isEmpty()) {
			return dataset;
		}
		var kept = new LinkedHashMap<String, Object>();
		wanted.forEach(f -> {
			var top = f.contains(".") ? f.substring(0, f.indexOf('.')) : f;
			if (dataset.containsKey(top)) {
				kept.put(top, dataset.get(top));
			}
		});
		return kept;
	}

	private static Map<String, Object> shown(Map<String, Object> job, Query query, boolean v3) {
		var own = query.fields().stream().filter(f -> !f.startsWith("datasets.") && !f.startsWith("datasetDetails."))
			.toList();
		if (!query.fields().isEmpty()) {
			MANDATORY.stream().filter(m -> !query.fields().contains(m)).forEach(job::remove);
			if (!own.isEmpty()) {
				job.keySet().removeIf(k -> own.stream().noneMatch(f -> f.equals(k) || f.startsWith(k + "."))
						&& !"datasets".equals(k) && !"datasetDetails".equals(k));
			}
		}
		return v3 ? Jobs.toV3(job) : job;
	}

}
