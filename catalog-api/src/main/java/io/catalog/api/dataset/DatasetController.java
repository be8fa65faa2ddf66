package io.catalog.api.dataset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
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
import io.catalog.api.units.Quantities;
import io.catalog.api.web.FieldError;
import io.catalog.api.web.InvalidInputException;
import io.catalog.api.web.Problems;

/**
 * SciCat's v3 dataset routes under {@code /api/v3/datasets}: v3 field names in and out ({@link ObsoleteFields}),
 * LoopBack filters.
 */
@RestController
@Tag(name = "Datasets")
@RequestMapping("/api/v3/datasets")
class DatasetController {

	private final Catalog catalog;

	private final DatasetService datasets;

	private final ObjectMapper mapper;

	DatasetController(Catalog catalog, DatasetService datasets, ObjectMapper mapper) {
		this.catalog = catalog;
		this.datasets = datasets;
		this.mapper = mapper;
	}

	@GetMapping
	@Operation(operationId = "listDatasets", summary = "Datasets matching a LoopBack filter (also taken as a header), under the read rule")
	@ApiReturns(value = "Dataset", list = true)
	Mono<List<Map<String, Object>>> list(@RequestParam(required = false) String filter,
			@Parameter(hidden = true) @RequestHeader(name = "filter", required = false) String headerFilter, Caller caller) {
		return Mono.fromSupplier(() -> v3Filter(filter != null ? filter : headerFilter))
			.flatMap(parsed -> catalog.list(Datasets.KIND, caller, parsed))
			.map(DatasetController::toV3);
	}

	@GetMapping("/findOne")
	@Operation(operationId = "findOneDataset", summary = "The first dataset matching a LoopBack filter")
	@ApiReturns("Dataset")
	Mono<Map<String, Object>> findOne(@RequestParam(required = false) String filter, Caller caller) {
		return Mono.fromSupplier(() -> v3Filter(filter).withLimit(1))
			.flatMap(parsed -> catalog.list(Datasets.KIND, caller, parsed))
			.flatMap(found -> found.isEmpty() ? Mono.error(Problems.notFound("Dataset", "matching the filter"))
					: Mono.just(ObsoleteFields.toV3(found.get(0))));
	}

	/** A LoopBack filter whose v3 field names are read as the lists that store them. */
	private Filter v3Filter(String json) {
		var filter = catalog.filter(Datasets.KIND, json);
		return filter.withWhere((Document) ObsoleteFields.whereToCurrent(filter.where()));
	}

	private static List<Map<String, Object>> toV3(List<Map<String, Object>> datasets) {
		return datasets.stream().map(ObsoleteFields::toV3).toList();
	}

	private static Map<String, Object> toV3(Document dataset) {
		return ObsoleteFields.toV3(Datasets.KIND.toJson(dataset));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createDataset", summary = "Create a raw or derived dataset; the pid is generated unless the caller may choose it")
	@ApiBody({ "CreateRawDataset", "CreateDerivedDataset" })
	@ApiReturns("Dataset")
	Mono<Map<String, Object>> create(@RequestBody Map<String, Object> body, Caller caller,
			ServerHttpResponse response) {
		return datasets.create(withSI(body, response), caller, Api.V3).map(DatasetController::toV3)
			.onErrorMap(ClassValidatorMessage::of);
	}

	@PostMapping("/isValid")
	@Operation(operationId = "isValidDataset", summary = "Check a dataset without storing it")
	@ApiBody({ "CreateRawDataset", "CreateDerivedDataset" })
	@ApiReturns("Validity")
	Map<String, Object> isValid(@RequestBody Map<String, Object> body, Caller caller) {
		return validity(datasets.problems(body, caller, Api.V3).stream()
			.filter(problem -> !problem.reason().endsWith("should not exist"))
			.toList());
	}

	/** SciCat's answer: {@code valid}, and when not, each field's fault and all of them in one sentence. */
	static Map<String, Object> validity(List<FieldError> problems) {
		var answer = new LinkedHashMap<String, Object>();
		answer.put("valid", problems.isEmpty());
		if (!problems.isEmpty()) {
			answer.put("reason", problems);
			answer.put("error", String.join("; ", problems.stream().map(DatasetController::sentence).toList()));
		}
		return answer;
	}

	/** A fault as class-validator words it, which SciCat clients compare. */
	private static String sentence(FieldError problem) {
		return problem.reason().equals("must be an array of strings")
				? "each value in " + problem.field() + " must be a string" : problem.field() + " " + problem.reason();
	}

	@GetMapping("/{pid}")
	@Operation(operationId = "getDataset", summary = "One dataset by pid")
	@ApiReturns("Dataset")
	Mono<Map<String, Object>> get(@PathVariable String pid,
			@Parameter(hidden = true) @RequestParam(required = false) String filter, Caller caller) {
		if (filter == null || filter.isBlank()) {
			return catalog.readable(Datasets.KIND, caller, pid).map(DatasetController::toV3);
		}
		return catalog.readable(Datasets.KIND, caller, pid)
			.then(Mono.fromSupplier(() -> v3Filter(filter).withWhere(new Document("_id", pid)).withLimit(1)))
			.flatMap(parsed -> catalog.list(Datasets.KIND, caller, parsed))
			.map(found -> ObsoleteFields.toV3(found.get(0)));
	}

	@GetMapping("/{pid}/datasetlifecycle")
	@Operation(operationId = "getDatasetLifecycle", summary = "A dataset's lifecycle")
	@ApiReturns("DatasetLifecycle")
	Mono<Object> getLifecycle(@PathVariable String pid, Caller caller) {
		return datasets.lifecycle(pid, caller);
	}

	@PatchMapping("/{pid}")
	@Operation(operationId = "updateDataset", summary = "Change some fields of a dataset")
	@ApiBody("UpdateDataset")
	@ApiReturns("Dataset")
	Mono<Map<String, Object>> patch(@PathVariable String pid, @RequestBody Map<String, Object> body, Caller caller,
			ServerHttpResponse response) {
		var fields = withSI(body, response);
		if (pid.equals(fields.get("pid"))) {
			fields.remove("pid");
		}
		return datasets.withValidity(pid, ObsoleteFields.toCurrent(fields))
			.flatMap(checked -> catalog.patch(Datasets.KIND, caller, pid, checked, DatasetSchemas.CURRENT, Set.of("type")))
			.map(DatasetController::toV3)
			.onErrorMap(ClassValidatorMessage::of);
	}

	@PutMapping("/{pid}")
	@Operation(operationId = "replaceDataset", summary = "Replace a dataset's fields; pid, creation and file counters stay")
	@ApiBody({ "CreateRawDataset", "CreateDerivedDataset" })
	@ApiReturns("Dataset")
	Mono<Map<String, Object>> replace(@PathVariable String pid, @RequestBody Map<String, Object> body, Caller caller,
			ServerHttpResponse response) {
		return datasets.replace(pid, withSI(body, response), caller, Api.V3).map(DatasetController::toV3)
			.onErrorMap(ClassValidatorMessage::of);
	}

	@DeleteMapping("/{pid}")
	@Operation(operationId = "deleteDataset", summary = "Delete a dataset with its file lists and attachments")
	@ApiReturns("Dataset")
	Mono<Map<String, Object>> delete(@PathVariable String pid, Caller caller) {
		return datasets.delete(pid, caller).map(DatasetController::toV3);
	}

	@PatchMapping("/{pid}/datasetlifecycle")
	@Operation(operationId = "updateDatasetLifecycle", summary = "Change a dataset's lifecycle (the archive system's part)")
	@ApiBody("DatasetLifecycle")
	@ApiReturns("DatasetLifecycle")
	Mono<Object> lifecycle(@PathVariable String pid, @RequestBody(required = false) Map<String, Object> body,
			Caller caller) {
		return datasets.updateLifecycle(pid, body, caller);
	}

	/** SciCat takes {@code fieldName} and {@code data} (a JSON array) as query parameters; a JSON body works too. */
	@PostMapping("/{pid}/appendToArrayField")
	@Operation(operationId = "appendToDatasetArrayField", summary = "Add values to an array field, each once (fieldName and data also as query parameters)")
	@ApiBody("AppendToArrayField")
	@ApiReturns("Dataset")
	Mono<Map<String, Object>> append(@PathVariable String pid, @RequestParam(required = false) String fieldName,
			@RequestParam(required = false) String data, @RequestBody(required = false) Map<String, Object> body,
			Caller caller) {
		var field = fieldName != null ? fieldName : body == null ? null : (String) body.get("fieldName");
		Object values = data != null ? parseArray(data) : body == null ? null : body.get("data");
		if (!(values instanceof List<?> list)) {
			return Mono.error(new InvalidInputException("data", "must be a JSON array"));
		}
		return datasets.append(pid, ObsoleteFields.nameToCurrent(field), list, caller).map(DatasetController::toV3);
	}

	@GetMapping("/{pid}/thumbnail")
	@Operation(operationId = "getDatasetThumbnail", summary = "The thumbnail of the dataset's first attachment, or an empty object")
	@ApiReturns("Thumbnail")
	Mono<Map<String, Object>> thumbnail(@PathVariable String pid, Caller caller) {
		return catalog.readable(Datasets.KIND, caller, pid)
			.flatMap(dataset -> catalog.store().children("Attachment", "datasetId", pid).next())
			.map(attachment -> Map.<String, Object>of("thumbnail", String.valueOf(attachment.get("thumbnail"))))
			.defaultIfEmpty(Map.of());
	}

	/** A copy of the body whose quantities carry SI values; units that could not be read are named in a header. */
	static Map<String, Object> withSI(Map<String, Object> body, ServerHttpResponse response) {
		var copy = new LinkedHashMap<>(body);
		var unknown = Quantities.normaliseField(copy, "scientificMetadata");
		if (!unknown.isEmpty()) {
			response.getHeaders().add(Quantities.UNKNOWN_UNITS_HEADER, String.join(", ", unknown));
		}
		return copy;
	}

	private Object parseArray(String data) {
		try {
			return mapper.readValue(data, List.class);
		}
		catch (JsonProcessingException ex) {
			throw new InvalidInputException("data", "must be a JSON array");
		}
	}

}
