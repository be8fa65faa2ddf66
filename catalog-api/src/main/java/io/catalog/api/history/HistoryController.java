package io.catalog.api.history;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.catalog.api.access.AccessPolicy;
import io.catalog.api.access.Caller;
import io.catalog.api.document.DocumentStore;
import io.catalog.api.schema.Json;
import io.catalog.api.web.InvalidInputException;
import io.catalog.api.web.Problems;

/**
 * SciCat's {@code /history}: the recorded changes, newest first, filtered by subsystem, document, operation or user.
 * Administrators read every subsystem's history, the groups {@link HistoryProperties} names read their subsystem's;
 * a filter without a subsystem is for administrators alone.
 */
@RestController
@RequestMapping({ "/api/v3/history", "/api/v4/history" })
@Tag(name = "History")
class HistoryController {

	/** The filter keys a caller may use, each matched by equality. */
	private static final Set<String> KEYS = Set.of("subsystem", "documentId", "operation", "user");

	private static final int DEFAULT_LIMIT = 100;

	private static final int MAX_LIMIT = 1000;

	private final DocumentStore store;

	private final AccessPolicy policy;

	private final HistoryProperties properties;

	private final ObjectMapper mapper;

	HistoryController(DocumentStore store, AccessPolicy policy, HistoryProperties properties, ObjectMapper mapper) {
		this.store = store;
		this.policy = policy;
		this.properties = properties;
		this.mapper = mapper;
	}

	@GetMapping
	@Operation(operationId = "findHistory", summary = "Recorded changes matching a filter such as {\"subsystem\":\"Datablock\",\"documentId\":\"...\"}, newest first")
	Mono<Map<String, Object>> find(@RequestParam(required = false) String filter,
			@RequestParam(required = false) Integer skip, @RequestParam(required = false) Integer limit, Caller caller) {
		return Mono.fromCallable(() -> allowed(filter, caller, true)).flatMap(where -> page(where, skip, limit));
	}

	@GetMapping("/count")
	@Operation(operationId = "countHistory", summary = "How many recorded changes match a filter that names its subsystem")
	Mono<Map<String, Object>> count(@RequestParam(required = false) String filter, Caller caller) {
		return Mono.fromCallable(() -> allowed(filter, caller, false))
			.flatMap(where -> Mono.from(store.collection(History.COLLECTION).countDocuments(where)))
			.map(count -> Map.of("count", count));
	}

	@GetMapping("/collection/{subsystem}")
	@Operation(operationId = "findHistoryOfSubsystem", summary = "Recorded changes of one subsystem, newest first")
	Mono<Map<String, Object>> ofSubsystem(@PathVariable String subsystem, @RequestParam(required = false) Integer skip,
			@RequestParam(required = false) Integer limit, Caller caller) {
		return Mono.fromCallable(() -> {
			checkReads(subsystem, caller);
			return new Document("subsystem", subsystem);
		}).flatMap(where -> page(where, skip, limit));
	}

	private Mono<Map<String, Object>> page(Document where, Integer skip, Integer limit) {
		int from = skip == null ? 0 : skip;
		int size = limit == null || limit == 0 ? DEFAULT_LIMIT : limit;
		if (from < 0) {
			throw new InvalidInputException("skip", "must be a non-negative integer");
		}
		if (size < 0 || size > MAX_LIMIT) {
			throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
		}
		var history = store.collection(History.COLLECTION);
		var items = Flux.from(history.find(where).sort(new Document("timestamp", -1).append("_id", -1)).skip(from).limit(size))
			.map(Json::toJson)
			.collectList();
		return Mono.zip(items, Mono.from(history.countDocuments(where))).map(found -> {
			var answer = new LinkedHashMap<String, Object>();
			answer.put("items", found.getT1());
			answer.put("count", found.getT1().size());
			answer.put("totalCount", found.getT2());
			answer.put("skip", from);
			answer.put("limit", size);
			return answer;
		});
	}

	/** The filter as a store condition, once the caller may read what it asks for. */
	private Document allowed(String filter, Caller caller, boolean anySubsystemForAdmins) {
		if (!caller.authenticated()) {
			throw Problems.unauthorized();
		}
		var where = read(filter);
		if (where.get("subsystem") instanceof String subsystem) {
			checkReads(subsystem, caller);
		}
		else if (!anySubsystemForAdmins || !policy.isAdmin(caller)) {
			throw new InvalidInputException("filter.subsystem", "is required unless an administrator asks");
		}
		return where;
	}

	private void checkReads(String subsystem, Caller caller) {
		if (!caller.authenticated()) {
			throw Problems.unauthorized();
		}
		if (!policy.isAdmin(caller) && !caller.inAny(properties.readGroups(subsystem))) {
			throw Problems.forbidden("You don't have permission to access history for " + subsystem);
		}
	}

	private Document read(String filter) {
		if (filter == null || filter.isBlank()) {
			return new Document();
		}
		JsonNode node;
		try {
			node = mapper.readTree(filter);
		}
		catch (JsonProcessingException ex) {
			throw new InvalidInputException("filter", "is not valid JSON: " + ex.getOriginalMessage());
		}
		if (!node.isObject()) {
			throw new InvalidInputException("filter", "must be a JSON object");
		}
		var where = new Document();
		for (var entry : node.properties()) {
			if (!KEYS.contains(entry.getKey())) {
				throw new InvalidInputException("filter." + entry.getKey(), "unknown; filter by " + String.join(", ", List.copyOf(KEYS)));
			}
			if (!entry.getValue().isValueNode() || entry.getValue().isNull()) {
				throw new InvalidInputException("filter." + entry.getKey(), "must be a string or a number");
			}
			where.put(entry.getKey(), entry.getValue().isNumber() ? entry.getValue().numberValue() : entry.getValue().asText());
		}
		return where;
	}

}
