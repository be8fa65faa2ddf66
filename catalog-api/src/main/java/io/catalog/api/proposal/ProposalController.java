package io.catalog.api.proposal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import io.catalog.api.document.Catalog;

/**
 * SciCat's proposal routes under {@code /api/v3/proposals} and {@code /api/v4/proposals}. The list also takes
 * the older controller's {@code filters} parameter.
 */
@RestController
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
	Mono<Map<String, Object>> create(@RequestBody Map<String, Object> body, Caller caller) {
		return proposals.create(body, caller).map(Proposals.KIND::toJson);
	}

	@PostMapping("/isValid")
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
	Mono<List<Map<String, Object>>> list(@RequestParam(required = false) String filter,
			@RequestParam(required = false) String filters, Caller caller) {
		return catalog.list(Proposals.KIND, caller, filter != null ? filter : filters);
	}

	@GetMapping("/findOne")
	Mono<Map<String, Object>> findOne(@RequestParam(required = false) String filter, Caller caller) {
		return catalog.findOne(Proposals.KIND, caller, filter);
	}

	@GetMapping("/count")
	Mono<Map<String, Object>> count(@RequestParam(required = false) String filter,
			@RequestParam(required = false) String where, Caller caller) {
		return catalog.count(Proposals.KIND, caller, filter, where);
	}

	@GetMapping("/{pid}")
	Mono<Map<String, Object>> get(@PathVariable String pid, Caller caller) {
		return catalog.readable(Proposals.KIND, caller, pid).map(Proposals.KIND::toJson);
	}

	@PatchMapping("/{pid}")
	Mono<Map<String, Object>> patch(@PathVariable String pid, @RequestBody Map<String, Object> body, Caller caller) {
		return catalog.patch(Proposals.KIND, caller, pid, body, Proposals.PATCH, Set.of("proposalId"))
			.map(Proposals.KIND::toJson);
	}

	@DeleteMapping("/{pid}")
	Mono<Map<String, Object>> delete(@PathVariable String pid, Caller caller) {
		return catalog.delete(Proposals.KIND, caller, pid).map(Proposals.KIND::toJson);
	}

	@GetMapping("/{pid}/datasets")
	Mono<List<Map<String, Object>>> datasets(@PathVariable String pid, @RequestParam(required = false) String filter,
			Caller caller) {
		return proposals.datasets(pid, filter, caller);
	}

}
