package io.catalog.api.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
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
import io.catalog.api.document.InvalidInputException;
import io.catalog.api.query.Filter;

/** SciCat's job routes under {@code /api/v3/jobs} (v3 field names added) and {@code /api/v4/jobs}. */
@RestController
@Tag(name = "Jobs")
@RequestMapping({ "/api/v3/jobs", "/api/v4/jobs" })
class JobController {

	private static final int FACET_SCAN_LIMIT = 10_000;

	private final Catalog catalog;

	private final JobService jobs;

	private final JobPolicy policy;

	private final ObjectMapper mapper;

	JobController(Catalog catalog, JobService jobs, JobPolicy policy, ObjectMapper mapper) {
		this.catalog = catalog;
		this.jobs = jobs;
		this.policy = policy;
		this.mapper = mapper;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createJob", summary = "Create a job of a configured type (archive, retrieve, ...); its actions run")
	@ApiBody("CreateJob")
	@ApiReturns("Job")
	Mono<Map<String, Object>> create(@RequestBody Map<String, Object> body, Caller caller, ServerWebExchange exchange) {
		return jobs.create(body, caller).map(job -> Jobs.toJson(job, v3(exchange)));
	}

	@GetMapping
	@Operation(operationId = "listJobs", summary = "Jobs matching a LoopBack filter, under the job read rule")
	@ApiReturns(value = "Job", list = true)
	Mono<List<Map<String, Object>>> list(@RequestParam(required = false) String filter, Caller caller,
			ServerWebExchange exchange) {
		return Mono.fromSupplier(() -> catalog.filter(Jobs.KIND, filter))
			.flatMap(parsed -> find(parsed, caller, exchange));
	}

	@GetMapping("/fullquery")
	@Operation(operationId = "fullqueryJobs", summary = "Jobs found by fields, paged")
	@ApiReturns(value = "Job", list = true)
	Mono<List<Map<String, Object>>> fullquery(@RequestParam(required = false) String fields,
			@RequestParam(required = false) String limits, Caller caller, ServerWebExchange exchange) {
		return Mono.fromSupplier(() -> catalog.filters().parseLimits(limits).withWhere(where(fields)))
			.flatMap(parsed -> find(parsed, caller, exchange));
	}

	/** Counts per value of each facet field over the matching jobs: {@code [{facet: [{_id, count}], all: [{totalSets}]}]}. */
	@GetMapping("/fullfacet")
	@Operation(operationId = "fullfacetJobs", summary = "Facet counts of the jobs matching the fields")
	Mono<List<Map<String, Object>>> fullfacet(@RequestParam(required = false) String fields,
			@RequestParam(required = false) String facets, Caller caller) {
		return Mono.fromSupplier(() -> Filter.all(FACET_SCAN_LIMIT).withWhere(where(fields)))
			.flatMap(filter -> catalog.store().find(Jobs.KIND, filter, policy.readRule(caller)).collectList())
			.map(found -> {
				var answer = new LinkedHashMap<String, Object>();
				for (var facet : facetNames(facets)) {
					var counts = new TreeMap<String, Integer>();
					found.forEach(job -> counts.merge(String.valueOf(job.get(facet)), 1, Integer::sum));
					answer.put(facet, counts.entrySet().stream()
						.map(e -> Map.<String, Object>of("_id", e.getKey(), "count", e.getValue())).toList());
				}
				answer.put("all", List.of(Map.of("totalSets", found.size())));
				return List.of(answer);
			});
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getJob", summary = "One job")
	@ApiReturns("Job")
	Mono<Map<String, Object>> get(@PathVariable String id, Caller caller, ServerWebExchange exchange) {
		return catalog.existing(Jobs.KIND, id).doOnNext(job -> policy.checkRead(caller, job))
			.map(job -> Jobs.toJson(job, v3(exchange)));
	}

	@PatchMapping("/{id}")
	@Operation(operationId = "updateJob", summary = "Move a job's status along the state machine, or change its result")
	@ApiBody("UpdateJob")
	@ApiReturns("Job")
	Mono<Map<String, Object>> patch(@PathVariable String id, @RequestBody Map<String, Object> body, Caller caller,
			ServerWebExchange exchange) {
		return jobs.patch(id, body, caller).map(job -> Jobs.toJson(job, v3(exchange)));
	}

	@DeleteMapping("/{id}")
	@Operation(operationId = "deleteJob", summary = "Delete a job")
	@ApiReturns("Job")
	Mono<Map<String, Object>> delete(@PathVariable String id, Caller caller, ServerWebExchange exchange) {
		return jobs.delete(id, caller).map(job -> Jobs.toJson(job, v3(exchange)));
	}

	private Mono<List<Map<String, Object>>> find(Filter filter, Caller caller, ServerWebExchange exchange) {
		boolean v3 = v3(exchange);
		return catalog.store().find(Jobs.KIND, filter, policy.readRule(caller)).map(job -> Jobs.toJson(job, v3))
			.collectList();
	}

	private Document where(String fields) {
		return fields == null || fields.isBlank() ? new Document() : catalog.filters().parseWhere(fields, Jobs.QUERY);
	}

	private List<String> facetNames(String facets) {
		if (facets == null || facets.isBlank()) {
			return List.of("type", "statusCode", "ownerGroup");
		}
		try {
			var names = mapper.readValue(facets, String[].class);
			for (var name : names) {
				if (!Jobs.QUERY.has(name)) {
					throw new InvalidInputException("facets", "unknown field " + name);
				}
			}
			return List.of(names);
		}
		catch (JsonProcessingException ex) {
			throw new InvalidInputException("facets", "must be a JSON array of field names");
		}
	}

	private static boolean v3(ServerWebExchange exchange) {
		return exchange.getRequest().getPath().value().toLowerCase().startsWith("/api/v3/");
	}

}
