package io.catalog.api.sample;

import java.util.List;
import java.util.Map;
import java.util.Set;

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

import io.catalog.api.access.Caller;
import io.catalog.api.contract.ApiBody;
import io.catalog.api.contract.ApiReturns;
import io.catalog.api.document.Catalog;
import io.catalog.api.web.Problems;

/** SciCat's sample routes under {@code /api/v3/samples} and {@code /api/v4/samples}. */
@RestController
@Tag(name = "Samples")
@RequestMapping({ "/api/v3/samples", "/api/v4/samples" })
class SampleController {

	private final Catalog catalog;

	private final SampleService samples;

	SampleController(Catalog catalog, SampleService samples) {
		this.catalog = catalog;
		this.samples = samples;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createSample", summary = "Create a sample")
	@ApiBody("CreateSample")
	@ApiReturns("Sample")
	Mono<Map<String, Object>> create(@RequestBody Map<String, Object> body, Caller caller) {
		return samples.create(body, caller).map(Samples.KIND::toJson);
	}

	@GetMapping
	@Operation(operationId = "listSamples", summary = "Samples matching a LoopBack filter, under the read rule")
	@ApiReturns(value = "Sample", list = true)
	Mono<List<Map<String, Object>>> list(@RequestParam(required = false) String filter, Caller caller) {
		return catalog.list(Samples.KIND, caller, filter);
	}

	@GetMapping("/findOne")
	@Operation(operationId = "findOneSample", summary = "The first sample matching a LoopBack filter")
	@ApiReturns("Sample")
	Mono<Map<String, Object>> findOne(@RequestParam(required = false) String filter, Caller caller) {
		return catalog.findOne(Samples.KIND, caller, filter);
	}

	@GetMapping("/count")
	@Operation(operationId = "countSamples", summary = "How many samples match the filter's where")
	@ApiReturns("Count")
	Mono<Map<String, Object>> count(@RequestParam(required = false) String filter,
			@RequestParam(required = false) String where, Caller caller) {
		return catalog.count(Samples.KIND, caller, filter, where);
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getSample", summary = "One sample")
	@ApiReturns("Sample")
	Mono<Map<String, Object>> get(@PathVariable String id, Caller caller) {
		return catalog.readable(Samples.KIND, caller, id).map(Samples.KIND::toJson);
	}

	@GetMapping("/{id}/authorization")
	@Operation(operationId = "canAccessSample", summary = "Whether the caller may read a sample; false when it does not exist")
	@ApiReturns("SampleAccess")
	Mono<Map<String, Object>> canAccess(@PathVariable String id, Caller caller) {
		return catalog.store().get(Samples.KIND, id)
			.map(sample -> catalog.policy().canRead(caller, Samples.KIND.resource(), sample))
			.defaultIfEmpty(false)
			.map(canAccess -> Map.of("canAccess", canAccess));
	}

	@PatchMapping("/{id}")
	@Operation(operationId = "updateSample", summary = "Change some fields of a sample")
	@ApiBody("UpdateSample")
	@ApiReturns("Sample")
	Mono<Map<String, Object>> patch(@PathVariable String id, @RequestBody Map<String, Object> body, Caller caller) {
		if (!caller.authenticated()) {
			// SciCat asks an anonymous caller to sign in before it looks at the sample
			return Mono.error(Problems.unauthorized());
		}
		return catalog.patch(Samples.KIND, caller, id, body, Samples.PATCH, Set.of("sampleId"))
			.map(Samples.KIND::toJson);
	}

	@DeleteMapping("/{id}")
	@Operation(operationId = "deleteSample", summary = "Delete a sample")
	@ApiReturns("Sample")
	Mono<Map<String, Object>> delete(@PathVariable String id, Caller caller) {
		return catalog.delete(Samples.KIND, caller, id).map(Samples.KIND::toJson);
	}

	@GetMapping("/{id}/datasets")
	@Operation(operationId = "listSampleDatasets", summary = "The datasets measured on a sample, under the dataset read rule")
	@ApiReturns(value = "Dataset", list = true)
	Mono<List<Map<String, Object>>> datasets(@PathVariable String id, @RequestParam(required = false) String filter,
			Caller caller) {
		return samples.datasets(id, filter, caller);
	}

}
