package io.catalog.api.dataset;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.catalog.api.access.Caller;
import io.catalog.api.contract.ApiBody;
import io.catalog.api.contract.ApiReturns;
import io.catalog.api.document.Catalog;
import io.catalog.api.query.Filter;
import io.catalog.api.web.InvalidInputException;
import io.catalog.api.web.Problems;

/**
 * SciCat's v4 dataset routes under {@code /api/v4/datasets}: the current field names ({@code principalInvestigators},
 * {@code proposalIds}, ...), filters of {@code where}, {@code include}, {@code fields} and {@code limits}, signed-in
 * callers only; {@code /public} answers anyone with published datasets.
 */
@RestController
@Tag(name = "Datasets v4")
@RequestMapping("/api/v4/datasets")
class DatasetV4Controller {

	/** The refusals that mean a dataset is not there for the caller: missing, or not theirs to read. */
	private static final Set<Integer> UNSEEN = Set.of(403, 404);

	private final Catalog catalog;

	private final DatasetService datasets;

	DatasetV4Controller(Catalog catalog, DatasetService datasets) {
		this.catalog = catalog;
		this.datasets = datasets;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createDatasetV4", summary = "Create a dataset of any allowed type in the current schema")
	@ApiBody("CreateDataset")
	@ApiReturns("Dataset")
	Mono<Map<String, Object>> create(@RequestBody Map<String, Object> body, Caller caller, ServerHttpResponse response) {
		return signedIn(caller).then(datasets.create(DatasetController.withSI(body, response), caller, Api.V4))
			.map(Datasets.KIND::toJson);
	}

	@PostMapping("/isValid")
	@Operation(operationId = "isValidDatasetV4", summary = "Check a dataset in the current schema without storing it")
	@ApiBody("CreateDataset")
	@ApiReturns("Validity")
	Mono<Map<String, Object>> isValid(@RequestBody Map<String, Object> body, Caller caller) {
		return signedIn(caller).then(Mono.fromSupplier(() -> DatasetController.validity(datasets.problems(body, caller, Api.V4))));
	}

	@GetMapping
	@Operation(operationId = "listDatasetsV4", summary = "Datasets matching a filter of where, include, fields and limits")
	@ApiReturns(value = "Dataset", list = true)
	Mono<List<Map<String, Object>>> list(@RequestParam(required = false) String filter, Caller caller) {
		return signedIn(caller).then(Mono.fromSupplier(() -> filter(filter))).flatMap(parsed -> list(parsed, caller));
	}

	@GetMapping("/findOne")
	@Operation(operationId = "findOneDatasetV4", summary = "The first dataset matching a filter")
	@ApiReturns("Dataset")
	Mono<Map<String, Object>> findOne(@RequestParam(required = false) String filter, Caller caller) {
		return signedIn(caller).then(first(filter, caller));
	}

	/** The first match, or {@code {}} when none is (SciCat's v4 answers 200 with nothing then). */
	private Mono<Map<String, Object>> first(String filter, Caller caller) {
		return Mono.fromSupplier(() -> filter(filter).withLimit(1))
			.flatMap(parsed -> list(parsed, caller))
			.map(found -> found.isEmpty() ? Map.of() : found.get(0));
	}

	/** The page, without the pid where the filter's fields leave it out. */
	private Mono<List<Map<String, Object>>> list(Filter filter, Caller caller) {
		var withoutPid = !filter.fields().isEmpty() && !filter.fields().contains("pid");
		return catalog.list(Datasets.KIND, caller, filter).doOnNext(found -> {
			if (withoutPid) {
				found.forEach(dataset -> dataset.remove("pid"));
			}
		});
	}

	@GetMapping("/{pid}")
	@Operation(operationId = "getDatasetV4", summary = "One dataset by pid, with the relations named by include")
	@ApiReturns("Dataset")
	Mono<Map<String, Object>> get(@PathVariable String pid, @RequestParam(required = false) List<String> include,
			Caller caller) {
		return signedIn(caller).then(byId(pid, include, caller));
	}

	@GetMapping("/{pid}/datasetlifecycle")
	@Operation(operationId = "getDatasetLifecycleV4", summary = "A dataset's lifecycle")
	@ApiReturns("DatasetLifecycle")
	Mono<Object> lifecycle(@PathVariable String pid, Caller caller) {
		return signedIn(caller).then(datasets.lifecycle(pid, caller));
	}

	@PatchMapping("/{pid}")
	@Operation(operationId = "updateDatasetV4", summary = "Change some fields of a dataset (merge patch)")
	@ApiBody("PartialUpdateDataset")
	@ApiReturns("Dataset")
	Mono<Map<String, Object>> patch(@PathVariable String pid, @RequestBody Map<String, Object> body,
			@RequestHeader(name = "Content-Type", required = false) String contentType, Caller caller,
			ServerHttpResponse response) {
		var merged = MergePatch.requested(contentType)
				? catalog.existing(Datasets.KIND, pid).map(stored -> MergePatch.into(pid, Datasets.KIND.toJson(stored), body))
				: Mono.just(body);
		return signedIn(caller).then(merged).flatMap(patch -> {
			var fields = DatasetController.withSI(patch, response);
			if (pid.equals(fields.get("pid"))) {
				fields.remove("pid");
			}
			return datasets.withValidity(pid, fields)
				.flatMap(checked -> catalog.patch(Datasets.KIND, caller, pid, checked, DatasetSchemas.CURRENT, Set.of("type")));
		}).map(Datasets.KIND::toJson);
	}

	@PutMapping("/{pid}")
	@Operation(operationId = "replaceDatasetV4", summary = "Replace a dataset's fields; pid, creation and file counters stay")
	@ApiBody("CreateDataset")
	@ApiReturns("Dataset")
	Mono<Map<String, Object>> replace(@PathVariable String pid, @RequestBody Map<String, Object> body, Caller caller,
			ServerHttpResponse response) {
		return signedIn(caller).then(datasets.replace(pid, DatasetController.withSI(body, response), caller, Api.V4))
			.map(Datasets.KIND::toJson);
	}

	@PatchMapping("/{pid}/datasetlifecycle")
	@Operation(operationId = "updateDatasetLifecycleV4", summary = "Change a dataset's lifecycle")
	@ApiBody("DatasetLifecycle")
	@ApiReturns("DatasetLifecycle")
	Mono<Object> updateLifecycle(@PathVariable String pid, @RequestBody(required = false) Map<String, Object> body,
			Caller caller) {
		return signedIn(caller).then(datasets.updateLifecycle(pid, body, caller));
	}

	@DeleteMapping("/{pid}")
	@Operation(operationId = "deleteDatasetV4", summary = "Delete a dataset with its file lists and attachments")
	@ApiReturns("Dataset")
	Mono<Map<String, Object>> delete(@PathVariable String pid, Caller caller) {
		return signedIn(caller).then(datasets.delete(pid, caller)).map(Datasets.KIND::toJson);
	}

	@GetMapping("/public")
	@Operation(operationId = "listPublicDatasetsV4", summary = "Published datasets matching a filter, for anyone")
	@ApiReturns(value = "Dataset", list = true)
	Mono<List<Map<String, Object>>> listPublic(@RequestParam(required = false) String filter) {
		return Mono.fromSupplier(() -> filter(filter)).flatMap(parsed -> list(parsed, Caller.ANONYMOUS));
	}

	@GetMapping("/public/findOne")
	@Operation(operationId = "findOnePublicDatasetV4", summary = "The first published dataset matching a filter")
	@ApiReturns("Dataset")
	Mono<Map<String, Object>> findOnePublic(@RequestParam(required = false) String filter) {
		return first(filter, Caller.ANONYMOUS);
	}

	@GetMapping("/public/count")
	@Operation(operationId = "countPublicDatasetsV4", summary = "How many published datasets match a filter's where")
	@ApiReturns("Count")
	Mono<Map<String, Object>> countPublic(@RequestParam(required = false) String filter) {
		return catalog.count(Datasets.KIND, Caller.ANONYMOUS, filter, null);
	}

	@GetMapping("/public/{pid}")
	@Operation(operationId = "getPublicDatasetV4", summary = "One published dataset by pid")
	@ApiReturns("Dataset")
	Mono<Map<String, Object>> getPublic(@PathVariable String pid, @RequestParam(required = false) List<String> include) {
		// SciCat answers 200 with nothing for a pid that is missing or not published
		return byId(pid, include, Caller.ANONYMOUS).onErrorResume(ErrorResponseException.class,
				refused -> UNSEEN.contains(refused.getStatusCode().value()) ? Mono.just(Map.of()) : Mono.error(refused));
	}

	private Mono<Map<String, Object>> byId(String pid, List<String> include, Caller caller) {
		if (include == null || include.isEmpty()) {
			return catalog.readable(Datasets.KIND, caller, pid).map(Datasets.KIND::toJson);
		}
		return catalog.readable(Datasets.KIND, caller, pid)
			.then(Mono.fromSupplier(() -> filter(filterById(pid, include))))
			.flatMap(parsed -> catalog.list(Datasets.KIND, caller, parsed))
			.map(found -> found.get(0));
	}

	private static String filterById(String pid, List<String> include) {
		var quoted = include.stream().map(name -> "\"" + name.replace("\"", "") + "\"").toList();
		return "{\"where\":{\"pid\":\"" + pid.replace("\\", "\\\\").replace("\"", "\\\"") + "\"},\"include\":"
				+ quoted + "}";
	}

	/** A v4 filter; a field of an included relation cannot also be projected, as MongoDB refuses it. */
	private Filter filter(String json) {
		var filter = catalog.filter(Datasets.KIND, json);
		var collisions = filter.fields().stream().filter(field -> field.indexOf('.') > 0)
			.map(field -> field.substring(0, field.indexOf('.'))).filter(filter.include()::contains).toList();
		if (!collisions.isEmpty()) {
			var relation = collisions.get(collisions.size() - 1);
			throw new InvalidInputException("filter.fields", "cannot name fields of the included " + relation,
					"Invalid $project :: caused by :: Path collision at " + relation);
		}
		return filter;
	}

	/** SciCat's v4 routes refuse anonymous callers with 403. */
	private static Mono<Void> signedIn(Caller caller) {
		return caller.authenticated() ? Mono.empty() : Mono.error(Problems.forbidden("Forbidden resource"));
	}

}
