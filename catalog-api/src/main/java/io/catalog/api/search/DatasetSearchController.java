package io.catalog.api.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.catalog.api.access.Caller;
import io.catalog.api.contract.ApiReturns;
import io.catalog.api.dataset.Datasets;
import io.catalog.api.document.Catalog;
import io.catalog.api.web.Problems;

/**
 * SciCat's dataset search routes: {@code fullquery}, {@code fullfacet}, {@code metadataKeys} and {@code count},
 * answered from the search index (literal paths win over {@code /{pid}}).
 */
@RestController
@Tag(name = "Datasets")
@RequestMapping({ "/api/v3/datasets", "/api/v4/datasets" })
class DatasetSearchController {

	private final Search search;

	private final Catalog catalog;

	DatasetSearchController(Search search, Catalog catalog) {
		this.search = search;
		this.catalog = catalog;
	}

	@GetMapping("/fullquery")
	@Operation(operationId = "fullqueryDatasets", summary = "Datasets found by text, facets, dates and scientific conditions with units, ranked, under the read rule")
	@ApiReturns(value = "Dataset", list = true)
	Mono<List<Map<String, Object>>> fullquery(@RequestParam(required = false) String fields,
			@RequestParam(required = false) String limits, Caller caller) {
		return search.fullquery(Profile.DATASETS, fields, limits, caller);
	}

	@GetMapping("/fullfacet")
	@Operation(operationId = "fullfacetDatasets", summary = "Exact facet counts of the datasets matching the search fields, under the read rule")
	Mono<List<Map<String, Object>>> fullfacet(@RequestParam(required = false) String fields,
			@RequestParam(required = false) String facets, Caller caller) {
		return search.fullfacet(Profile.DATASETS, fields, facets, caller);
	}

	/** SciCat's plain list of keys; {@code detail=true} adds usage counts, units and human-readable names. */
	@GetMapping("/metadataKeys")
	@Operation(operationId = "listDatasetMetadataKeys", summary = "Scientific metadata keys of the readable datasets; detail=true adds counts, units and names")
	Mono<List<Object>> metadataKeys(@RequestParam(required = false) String fields,
			@RequestParam(defaultValue = "false") boolean detail, Caller caller) {
		return search.metadataKeys(Profile.DATASETS, fields, caller).map(uses -> uses.stream()
			.<Object>map(use -> detail ? detailed(use) : use.key()).toList());
	}

	/** Counts from the index; a {@code filter} or {@code where} with a condition is counted by MongoDB. */
	@GetMapping("/count")
	@Operation(operationId = "countDatasets", summary = "How many datasets match the filter's where or the search fields")
	@ApiReturns("Count")
	Mono<Map<String, Object>> count(@RequestParam(required = false) String filter,
			@RequestParam(required = false) String where, @RequestParam(required = false) String fields,
			@Parameter(hidden = true) @RequestHeader(name = "filter", required = false) String headerFilter, Caller caller,
			ServerHttpRequest request) {
		if (!caller.authenticated() && request.getPath().value().startsWith("/api/v4/")) {
			return Mono.error(Problems.forbidden("Forbidden resource")); // v4 counts only for signed-in callers
		}
		var filterJson = filter != null ? filter : headerFilter;
		if (hasWhere(filterJson, where)) {
			return catalog.count(Datasets.KIND, caller, filterJson, where);
		}
		return search.count(Profile.DATASETS, fields, caller).map(count -> Map.of("count", count));
	}

	private boolean hasWhere(String filterJson, String where) {
		if (where != null && !where.isBlank()) {
			return !catalog.filters().parseWhere(where, Datasets.KIND.schema()).isEmpty();
		}
		return filterJson != null && !filterJson.isBlank() && !catalog.filter(Datasets.KIND, filterJson).where().isEmpty();
	}

	static Map<String, Object> detailed(MetadataKeys.KeyUse use) {
		var json = new LinkedHashMap<String, Object>();
		json.put("key", use.key());
		json.put("count", use.count());
		json.put("units", use.units());
		json.put("humanNames", use.humanNames());
		return json;
	}

}
