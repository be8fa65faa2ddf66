package io.catalog.api.publisheddata;

import java.util.List;
import java.util.Map;

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

/**
 * SciCat's published-data routes under {@code /api/v3/publisheddata} and {@code /api/v4/publisheddata} (paths are
 * case-insensitive, so {@code /PublishedData} too). Anonymous callers see public, registered and amended documents.
 */
@RestController
@Tag(name = "Published data")
@RequestMapping({ "/api/v3/publisheddata", "/api/v4/publisheddata" })
class PublishedDataController {

	private final Catalog catalog;

	private final PublishedDataService published;

	PublishedDataController(Catalog catalog, PublishedDataService published) {
		this.catalog = catalog;
		this.published = published;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createPublishedData", summary = "Create published data")
	@ApiBody("CreatePublishedData")
	@ApiReturns("PublishedData")
	Mono<Map<String, Object>> create(@RequestBody Map<String, Object> body, Caller caller) {
		return published.create(body, caller).map(PublishedDataKind.KIND::toJson);
	}

	@GetMapping
	@Operation(operationId = "listPublishedData", summary = "PublishedData matching a LoopBack filter, under the read rule")
	@ApiReturns(value = "PublishedData", list = true)
	Mono<List<Map<String, Object>>> list(@RequestParam(required = false) String filter, Caller caller) {
		return catalog.list(PublishedDataKind.KIND, caller, filter);
	}

	@GetMapping("/count")
	@Operation(operationId = "countPublishedData", summary = "How many publisheddata match the filter's where")
	@ApiReturns("Count")
	Mono<Map<String, Object>> count(@RequestParam(required = false) String filter,
			@RequestParam(required = false) String where, Caller caller) {
		return catalog.count(PublishedDataKind.KIND, caller, filter, where);
	}

	@GetMapping("/{doi}")
	@Operation(operationId = "getPublishedData", summary = "One publisheddata")
	@ApiReturns("PublishedData")
	Mono<Map<String, Object>> get(@PathVariable String doi, Caller caller) {
		return catalog.readable(PublishedDataKind.KIND, caller, doi).map(PublishedDataKind.KIND::toJson);
	}

	@PatchMapping("/{doi}")
	@Operation(operationId = "updatePublishedData", summary = "Change some fields of published data")
	@ApiBody("UpdatePublishedData")
	@ApiReturns("PublishedData")
	Mono<Map<String, Object>> patch(@PathVariable String doi, @RequestBody Map<String, Object> body, Caller caller) {
		return published.patch(doi, body, caller).map(PublishedDataKind.KIND::toJson);
	}

	@DeleteMapping("/{doi}")
	@Operation(operationId = "deletePublishedData", summary = "Delete published data")
	@ApiReturns("PublishedData")
	Mono<Map<String, Object>> delete(@PathVariable String doi, Caller caller) {
		return catalog.delete(PublishedDataKind.KIND, caller, doi).map(PublishedDataKind.KIND::toJson);
	}

}
