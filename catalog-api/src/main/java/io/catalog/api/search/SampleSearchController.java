package io.catalog.api.search;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.catalog.api.access.Caller;
import io.catalog.api.contract.ApiReturns;

/**
 * SciCat's sample search routes, {@code fullquery} and {@code metadataKeys}, over {@code sampleCharacteristics}
 * (conditions under {@code characteristics} or {@code scientific}), answered from the search index.
 */
@RestController
@Tag(name = "Samples")
@RequestMapping({ "/api/v3/samples", "/api/v4/samples" })
class SampleSearchController {

	private final Search search;

	SampleSearchController(Search search) {
		this.search = search;
	}

	@GetMapping("/fullquery")
	@Operation(operationId = "fullquerySamples", summary = "Samples found by text and characteristics with units, under the read rule")
	@ApiReturns(value = "Sample", list = true)
	Mono<List<Map<String, Object>>> fullquery(@RequestParam(required = false) String fields,
			@RequestParam(required = false) String limits, Caller caller) {
		return search.fullquery(Profile.SAMPLES, fields, limits, caller);
	}

	/** The characteristics' keys; {@code detail=true} adds usage counts, units and human-readable names. */
	@GetMapping("/metadataKeys")
	@Operation(operationId = "listSampleMetadataKeys", summary = "Characteristic keys of the readable samples; detail=true adds counts, units and names")
	Mono<List<Object>> metadataKeys(@RequestParam(required = false) String fields,
			@RequestParam(defaultValue = "false") boolean detail, Caller caller) {
		return search.metadataKeys(Profile.SAMPLES, fields, caller).map(uses -> uses.stream()
			.<Object>map(use -> detail ? DatasetSearchController.detailed(use) : use.key()).toList());
	}

}
