package io.catalog.api.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.catalog.api.access.Caller;
import io.catalog.api.contract.ApiBody;
import io.catalog.api.contract.ApiReturns;
import io.catalog.api.document.Catalog;
import io.catalog.api.query.Filter;
import io.catalog.api.web.InvalidInputException;

/** SciCat's job routes under {@code /api/v3/jobs} (SciCat v3's shapes and names) and {@code /api/v4/jobs}. */
@RestController
@Tag(name = "Jobs")
@RequestMapping({ "/api/v3/jobs", "/api/v4/jobs" })
class JobController {

	private static final int FACET_SCAN_LIMIT = 10_000;

	private final Catalog catalog;

	private final JobService jobs;

	private final JobPolicy policy;

	private final JobQueries queries;

	private final ObjectMapper mapper;

	JobController(Catalog catalog, JobService jobs, JobPolicy policy, JobQueries queries, ObjectMapper mapper) {
		this.catalog = catalog;
		this.jobs = jobs;
		this.policy = policy;
		this.queries = queries;
		this.mapper = mapper;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createJob", summary = "Create a job of a configured type (archive, retrieve, ...); its actions run")
	@ApiBody("CreateJob")
	@ApiReturns("Job")
	Mono<Map<String, Object>> create(@RequestBody Map<String, Object> body, Caller caller, ServerWebExchange exchange) {
		boolean v3 = v3(exchange);
		return jobs.create(body, caller, v3).map(job -> Jobs.toJson(job, v3));
	}

	@GetMapping
	@Operation(operationId = "listJobs", summary = "Jobs matching a LoopBack filter (where, fields, limits, include datasets), under the job read rule")
	@ApiReturns(value = "Job", list = true)
	Mono<List<Map<String, Object>>> list(@RequestParam(required = false) String filter, Caller caller,
			ServerWebExchange exchange) {
		return find(filter, null, caller, v3(exchange));
	}

	@GetMapping("/fullquery")
	@Operation(operationId = "fullqueryJobs", summary = "Jobs found by a filter (v4) or by fields and limits (v3), paged")
	@ApiReturns(value = "Job", list = true)
	Mono<List<Map<String, Object>>> fullquery(@RequestParam(required = false) String filter,
			@RequestParam(required = false) String fields, @RequestParam(required = false) String limits, Caller caller,
			ServerWebExchange exchange) {
		boolean v3 = v3(exchange);
		if (filter != null || fields == null && limits == null) {
			return find(filter, null, caller, v3);
		}
		return Mono.defer(() -> {
			policy.checkReadRoute(caller);
			var parsed = catalog.filters().parseLimits(v3 ? v3Limits(limits) : limits).withWhere(where(fields, v3));
			return queries.find(new JobQueries.Query(parsed, List.of(), null), caller, policy.readRule(caller), v3);
		});
	}

	@GetMapping("/datasetDetails")
	@Operation(operationId = "jobDatasetDetails", summary = "Jobs with their datasets, datablocks, original datablocks and attachments")
	Mono<List<Map<String, Object>>> datasetDetails(@RequestParam(required = false) String filter,
			@RequestParam(required = false) String jobId, Caller caller, ServerWebExchange exchange) {
		if (jobId != null) {
			var where = new LinkedHashMap<String, Object>(Map.of("where", Map.of("id", jobId)));
			return Mono.fromCallable(() -> mapper.writeValueAsString(where))
				.flatMap(json -> find(json, "datasetDetails", caller, false))
				.map(found -> found.isEmpty() ? List.of() : detailsOf(found.get(0)));
		}
		return find(filter, "datasetDetails", caller, v3(exchange));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> detailsOf(Map<String, Object> job) {
		return job.get("datasetDetails") instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
	}

	/** Counts per value of each facet field over the matching jobs: {@code [{facet: [{_id, count}], all: [{totalSets}]}]}. */
	@GetMapping("/fullfacet")
	@Operation(operationId = "fullfacetJobs", summary = "Facet counts of the jobs matching the fields")
	Mono<List<Map<String, Object>>> fullfacet(@RequestParam(required = false) String fields,
			@RequestParam(required = false) String facets, Caller caller, ServerWebExchange exchange) {
		boolean v3 = v3(exchange);
		return Mono.defer(() -> {
			policy.checkReadRoute(caller);
			var filter = Filter.all(FACET_SCAN_LIMIT).withWhere(where(fields, v3));
			var names = facetNames(facets, v3);
			return catalog.store().find(Jobs.KIND, filter, policy.readRule(caller)).collectList()
				.map(found -> List.of(facetCounts(found, names)));
		});
	}

	private static Map<String, Object> facetCounts(List<Document> found, List<String> names) {
		var answer = new LinkedHashMap<String, Object>();
		for (var facet : names) {
			var counts = new TreeMap<String, Integer>();
			found.stream().map(job -> valueAt(job, facet)).filter(v -> v != null)
				.forEach(value -> counts.merge(String.valueOf(value), 1, Integer::sum));
			answer.put(facet, counts.entrySet().stream()
				.map(e -> Map.<String, Object>of("_id", e.getKey(), "count", e.getValue())).toList());
		}
		answer.put("all", found.isEmpty() ? List.of() : List.of(Map.of("totalSets", found.size())));
		return answer;
	}

	private static Object valueAt(Document job, String path) {
		Object value = job;
		for (var step : path.split("\\.")) {
			value = value instanceof Map<?, ?> map ? map.get(step) : null;
		}
		return value;
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getJob", summary = "One job")
	@ApiReturns("Job")
	Mono<Map<String, Object>> get(@PathVariable String id, @RequestParam(required = false) String filter, Caller caller,
			ServerWebExchange exchange) {
		boolean v3 = v3(exchange);
		if (filter == null || v3) {
			return jobs.readable(id, caller).map(job -> Jobs.toJson(job, v3));
		}
		return jobs.readable(id, caller).flatMap(job -> {
			var query = queries.parse(filter, false, null);
			var one = new Filter(new Document("_id", id), query.filter().fields(), List.of(), 1, 0, new Document());
			return queries.find(new JobQueries.Query(one, query.fields(), query.include()), caller, new Document(), false)
				.map(found -> found.isEmpty() ? Jobs.toJson(job, false) : found.get(0));
		});
	}

	@PatchMapping("/{id}")
	@Operation(operationId = "updateJob", summary = "Change a job's status and result; application/merge-patch+json merges jobResultObject")
	@ApiBody("UpdateJob")
	@ApiReturns("Job")
	Mono<Map<String, Object>> patch(@PathVariable String id, @RequestBody Map<String, Object> body, Caller caller,
			ServerWebExchange exchange) {
		boolean v3 = v3(exchange);
		var type = exchange.getRequest().getHeaders().getContentType();
		boolean merge = type != null && type.isCompatibleWith(MediaType.valueOf("application/merge-patch+json"));
		return jobs.patch(id, body, caller, v3, merge).map(job -> Jobs.toJson(job, v3));
	}

	@DeleteMapping("/{id}")
	@Operation(operationId = "deleteJob", summary = "Delete a job")
	@ApiReturns("Job")
	Mono<Map<String, Object>> delete(@PathVariable String id, Caller caller) {
		return jobs.delete(id, caller).map(Jobs::toJson);
	}

	private Mono<List<Map<String, Object>>> find(String filter, String include, Caller caller, boolean v3) {
		return Mono.defer(() -> {
			policy.checkReadRoute(caller);
			var query = queries.parse(filter, v3, include);
			return queries.find(query, caller, policy.readRule(caller), v3);
		});
	}

	private Document where(String fields, boolean v3) {
		if (fields == null || fields.isBlank()) {
			return new Document();
		}
		try {
			var node = mapper.readTree(fields);
			if (v3 && node.isObject()) {
				var renamed = mapper.createObjectNode();
				node.properties().forEach(e -> renamed.set(JobQueries.v4Name(e.getKey()), e.getValue()));
				node = renamed;
			}
			return JobQueries.byId(catalog.filters().parseWhere(node.toString(), Jobs.QUERY));
		}
		catch (JsonProcessingException ex) {
			throw new InvalidInputException("fields", "is not valid JSON: " + ex.getOriginalMessage());
		}
	}

	private String v3Limits(String limits) {
		if (limits == null || limits.isBlank()) {
			return limits;
		}
		try {
			var node = mapper.readTree(limits);
			if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object && object.path("order").isTextual()) {
				object.put("order", JobQueries.v4Order(object.path("order").asText()));
			}
			return node.toString();
		}
		catch (JsonProcessingException ex) {
			throw new InvalidInputException("limits", "is not valid JSON: " + ex.getOriginalMessage());
		}
	}

	private List<String> facetNames(String facets, boolean v3) {
		if (facets == null || facets.isBlank()) {
			return List.of();
		}
		try {
			var names = mapper.readValue(facets, String[].class);
			return List.of(names).stream().map(name -> v3 ? JobQueries.v4Name(name) : name).toList();
		}
		catch (JsonProcessingException ex) {
			throw new InvalidInputException("facets", "must be a JSON array of field names");
		}
	}

	private static boolean v3(ServerWebExchange exchange) {
		return exchange.getRequest().getPath().value().toLowerCase().startsWith("/api/v3/");
	}

}
