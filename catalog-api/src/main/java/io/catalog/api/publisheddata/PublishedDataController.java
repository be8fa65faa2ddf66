package io.catalog.api.publisheddata;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.catalog.api.access.Caller;
import io.catalog.api.contract.ApiBody;
import io.catalog.api.contract.ApiReturns;
import io.catalog.api.document.Catalog;
import io.catalog.api.schema.Schema;
import io.catalog.api.web.InvalidInputException;

/**
 * SciCat's v3 published-data routes under {@code /api/v3/publisheddata} (paths are case-insensitive, so
 * {@code /PublishedData} too), in SciCat's older shape ({@code creator}, {@code pidArray}, status
 * {@code pending_registration} or {@code registered}) over the stored current one. Anonymous callers see published
 * states only, signed-in callers also their own drafts, admins everything.
 */
@RestController
@Tag(name = "Published data")
@RequestMapping("/api/v3/publisheddata")
class PublishedDataController {

	private final Catalog catalog;

	private final PublishedDataService published;

	private final ObjectMapper mapper;

	private final FormPopulate form;

	PublishedDataController(Catalog catalog, PublishedDataService published, ObjectMapper mapper, FormPopulate form) {
		this.catalog = catalog;
		this.published = published;
		this.mapper = mapper;
		this.form = form;
	}

	@GetMapping("/formpopulate")
	@Operation(operationId = "publishedDataFormPopulate", summary = "What a publication form for the datasets starts from: type, description, proposal title and abstract, thumbnail, the schema's default metadata")
	Mono<Map<String, Object>> formPopulate(@RequestParam(required = false) List<String> pid, Caller caller) {
		return Mono.defer(() -> form.of(pid, caller));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createPublishedData", summary = "Create published data (v3 shape)")
	@ApiBody("CreatePublishedData")
	@ApiReturns("PublishedData")
	Mono<Map<String, Object>> create(@RequestBody Map<String, Object> body, Caller caller) {
		return Mono.fromSupplier(() -> ObsoleteShape.toCurrent(PublishedDataKind.OBSOLETE_CREATE.read(body,
				Schema.Mode.CREATE), Map.of()))
			.flatMap(data -> published.create(data, caller))
			.map(this::obsolete);
	}

	@GetMapping
	@Operation(operationId = "listPublishedData", summary = "Published data matching a LoopBack filter (v3 field names), under the read rule")
	@ApiReturns(value = "PublishedData", list = true)
	Mono<List<Map<String, Object>>> list(@RequestParam(required = false) String filter,
			@RequestHeader(name = "filter", required = false) String headerFilter, Caller caller) {
		return Mono.fromSupplier(() -> ObsoleteShape.filter(oneFilter(filter, headerFilter), mapper))
			.flatMap(json -> catalog.list(PublishedDataKind.KIND, caller, json))
			.map(found -> found.stream().map(ObsoleteShape::toObsolete).toList());
	}

	@GetMapping("/count")
	@Operation(operationId = "countPublishedData", summary = "How many published data match the filter's where (v3 field names)")
	@ApiReturns("Count")
	Mono<Map<String, Object>> count(@RequestParam(required = false) String filter,
			@RequestParam(required = false) String where, Caller caller) {
		return Mono.fromSupplier(() -> ObsoleteShape.filter(filter, mapper))
			.flatMap(json -> catalog.count(PublishedDataKind.KIND, caller, json, where));
	}

	@GetMapping("/{doi}")
	@Operation(operationId = "getPublishedData", summary = "One publication; 404 when missing or not visible to the caller")
	@ApiReturns("PublishedData")
	Mono<Map<String, Object>> get(@PathVariable String doi, Caller caller) {
		return published.visible(doi, caller).map(this::obsolete);
	}

	@PatchMapping("/{doi}")
	@Operation(operationId = "updatePublishedData", summary = "Change some fields of published data (v3 shape)")
	@ApiBody("UpdatePublishedData")
	@ApiReturns("PublishedData")
	Mono<Map<String, Object>> patch(@PathVariable String doi, @RequestBody Map<String, Object> body, Caller caller) {
		return catalog.existing(PublishedDataKind.KIND, doi).flatMap(before -> {
			var metadata = before.get("metadata") instanceof Map<?, ?> stored ? PublishedDataService.cast(stored)
					: Map.<String, Object>of();
			var fields = ObsoleteShape.toCurrent(PublishedDataKind.OBSOLETE_PATCH.read(body, Schema.Mode.UPDATE), metadata);
			return published.change(before, fields, caller);
		}).map(this::obsolete);
	}

	@DeleteMapping("/{doi}")
	@Operation(operationId = "deletePublishedData", summary = "Delete published data (DELETE_GROUPS)")
	@ApiReturns("PublishedData")
	Mono<Map<String, Object>> delete(@PathVariable String doi, Caller caller) {
		return published.delete(doi, caller, publication -> {
		}).map(this::obsolete);
	}

	@PostMapping("/{doi}/register")
	@Operation(operationId = "registerPublishedData", summary = "Mark published data registered and its datasets published")
	@ApiReturns("PublishedData")
	Mono<Map<String, Object>> register(@PathVariable String doi, Caller caller) {
		return published.register(doi, caller, false).map(this::obsolete);
	}

	private Map<String, Object> obsolete(org.bson.Document stored) {
		return ObsoleteShape.toObsolete(PublishedDataKind.KIND.toJson(stored));
	}

	/** SciCat takes the filter from the query or from a {@code filter} header, never both. */
	private static String oneFilter(String query, String header) {
		if (query != null && header != null) {
			throw new InvalidInputException("filter", "give it in the query or in the header, not both");
		}
		return query != null ? query : header;
	}

}
