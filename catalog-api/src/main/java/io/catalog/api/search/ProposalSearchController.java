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

/** SciCat's proposal search routes, {@code fullquery} and {@code fullfacet}, answered from the search index. */
@RestController
@Tag(name = "Proposals")
@RequestMapping({ "/api/v3/proposals", "/api/v4/proposals" })
class ProposalSearchController {

	private final Search search;

	ProposalSearchController(Search search) {
		this.search = search;
	}

	@GetMapping("/fullquery")
	@Operation(operationId = "fullqueryProposals", summary = "Proposals found by text and fields, under the read rule")
	@ApiReturns(value = "Proposal", list = true)
	Mono<List<Map<String, Object>>> fullquery(@RequestParam(required = false) String fields,
			@RequestParam(required = false) String limits, Caller caller) {
		return search.fullquery(Profile.PROPOSALS, fields, limits, caller);
	}

	@GetMapping("/fullfacet")
	@Operation(operationId = "fullfacetProposals", summary = "Exact facet counts of the proposals matching the search fields")
	Mono<List<Map<String, Object>>> fullfacet(@RequestParam(required = false) String fields,
			@RequestParam(required = false) String facets, Caller caller) {
		return search.fullfacet(Profile.PROPOSALS, fields, facets, caller);
	}

}
