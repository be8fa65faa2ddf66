package io.catalog.api.proposal;

import java.util.LinkedHashMap;
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
 * SciCat's proposal routes under {@code /api/v3/proposals} and {@code /api/v4/proposals}. The list also takes
 * the older controller's {@code filters} parameter.
 */
@RestController
@Tag(name = "Proposals")
@RequestMapping({ "/api/v3/proposals", "/api/v4/proposals" })
class ProposalController {

	private final Catalog catalog;

	private final ProposalService proposals;

	ProposalController(Catalog catalog, ProposalService proposals) {
		this.catalog = catalog;
		this.proposals = proposals;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createProposal", summary = "Create a proposal")
	@ApiBody("CreateProposal")
	@ApiReturns("Proposal")
	Mono<Map<String, Object>> create(@RequestBody Map<String, Object> body, Caller caller) {
		return proposals.create(body, caller).map(Proposals.KIND::toJson);
	}

	@PostMapping("/isValid")
	@Operation(operationId = "isValidProposal", summary = "Check a proposal without storing it")
	@ApiBody("CreateProposal")
	@ApiReturns("Validity")
	Map<String, Object> isValid(@RequestBody Map<String, Object> body, Caller caller) {
		var problems = proposals.problems(body, caller);
		var answer = new LinkedHashMap<String, Object>();
		answer.put("valid", problems.isEmpty());
		if (!problems.isEmpty()) {
			answer.put("reason", problems);
		}
		return answer;
	}

	@GetMapping
	@Operation(operationId = "listProposals", summary = "Proposals matching a LoopBack filter, under the read rule")
	@ApiReturns(value = "Proposal", list = true)
	Mono<List<Map<String, Object>>> list(@RequestParam(required = false) String filter,
			@RequestParam(required = false) String filters, Caller caller) {
		return catalog.list(Proposals.KIND, caller, filter != null ? filter : filters);
	}

	@GetMapping("/findOne")
	@Operation(operationId = "findOneProposal", summary = "The first proposal matching a LoopBack filter")
	@ApiReturns("Proposal")
	Mono<Map<String, Object>> findOne(@RequestParam(required = false) String filter, Caller caller) {
		return catalog.findOne(Proposals.KIND, caller, filter);
	}

	@GetMapping("/count")
	@Operation(operationId = "countProposals", summary = "How many proposals match a where: the filter's, or the filter itself as SciCat's proposal count takes it")
	@ApiReturns("Count")
	Mono<Map<String, Object>> count(@RequestParam(required = false) String filter,
			@RequestParam(required = false) String where, Caller caller) {
		if (where == null && BareWhere.holds(filter)) {
			return catalog.count(Proposals.KIND, caller, null, filter);
		}
		return catalog.count(Proposals.KIND, caller, filter, where);
	}

	@GetMapping("/{pid}")
	@Operation(operationId = "getProposal", summary = "One proposal")
	@ApiReturns("Proposal")
	Mono<Map<String, Object>> get(@PathVariable String pid, Caller caller) {
		return catalog.readable(Proposals.KIND, caller, pid).map(Proposals.KIND::toJson);
	}

	@GetMapping("/{pid}/authorization")
	@Operation(operationId = "canAccessProposal", summary = "Whether the caller may read a proposal; false when it does not exist")
	@ApiReturns("ProposalAccess")
	Mono<Map<String, Object>> canAccess(@PathVariable String pid, Caller caller) {
		return catalog.store().get(Proposals.KIND, pid)
			.map(proposal -> catalog.policy().canRead(caller, Proposals.KIND.resource(), proposal))
			.defaultIfEmpty(false)
			.map(canAccess -> Map.of("canAccess", canAccess));
	}

	@PatchMapping("/{pid}")
	@Operation(operationId = "updateProposal", summary = "Change some fields of a proposal")
	@ApiBody("UpdateProposal")
	@ApiReturns("Proposal")
	Mono<Map<String, Object>> patch(@PathVariable String pid, @RequestBody Map<String, Object> body, Caller caller) {
		return proposals.patch(pid, body, caller).map(Proposals.KIND::toJson);
	}

	@DeleteMapping("/{pid}")
	@Operation(operationId = "deleteProposal", summary = "Delete a proposal")
	@ApiReturns("Proposal")
	Mono<Map<String, Object>> delete(@PathVariable String pid, Caller caller) {
		return catalog.delete(Proposals.KIND, caller, pid).map(Proposals.KIND::toJson);
	}

	@GetMapping("/{pid}/datasets")
	@Operation(operationId = "listProposalDatasets", summary = "The datasets of a proposal, under the dataset read rule")
	@ApiReturns(value = "Dataset", list = true)
	Mono<List<Map<String, Object>>> datasets(@PathVariable String pid, @RequestParam(required = false) String filter,
			Caller caller) {
		return proposals.datasets(pid, filter, caller);
	}

}
