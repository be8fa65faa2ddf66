package io.catalog.api.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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

/**
 * SciCat's policy routes under {@code /api/v3/policies} and {@code /api/v4/policies}: members of a policy's groups
 * read it, admins write (see {@code AccessPolicy}).
 */
@RestController
@Tag(name = "Policies")
@RequestMapping({ "/api/v3/policies", "/api/v4/policies" })
class PolicyController {

	private final Catalog catalog;

	PolicyController(Catalog catalog) {
		this.catalog = catalog;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createPolicy", summary = "Create a policy (admins)")
	@ApiBody("CreatePolicy")
	@ApiReturns("Policy")
	Mono<Map<String, Object>> create(@RequestBody Map<String, Object> body, Caller caller) {
		return Mono.fromSupplier(() -> {
			var policy = Policies.CREATE.read(body, Schema.Mode.CREATE);
			catalog.policy().checkCreate(caller, Policies.KIND.resource(), policy, null);
			policy.put("_id", UUID.randomUUID().toString());
			policy.putIfAbsent("accessGroups", new ArrayList<>());
			return policy;
		}).flatMap(policy -> catalog.insert(Policies.KIND, policy, caller, "keep policies small"))
			.map(Policies.KIND::toJson);
	}

	/** SciCat also takes the filter as a header here. */
	@GetMapping
	@Operation(operationId = "listPolicies", summary = "Policies matching a LoopBack filter, under the read rule")
	@ApiReturns(value = "Policy", list = true)
	Mono<List<Map<String, Object>>> list(@RequestParam(required = false) String filter,
			@Parameter(hidden = true) @RequestHeader(name = "filter", required = false) String headerFilter, Caller caller) {
		return catalog.list(Policies.KIND, caller, filter != null ? filter : headerFilter);
	}

	@GetMapping("/count")
	@Operation(operationId = "countPolicies", summary = "How many policies match the filter's where")
	@ApiReturns("Count")
	Mono<Map<String, Object>> count(@RequestParam(required = false) String filter,
			@RequestParam(required = false) String where, Caller caller) {
		return catalog.count(Policies.KIND, caller, filter, where);
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getPolicy", summary = "One policy")
	@ApiReturns("Policy")
	Mono<Map<String, Object>> get(@PathVariable String id, Caller caller) {
		return catalog.readable(Policies.KIND, caller, id).map(Policies.KIND::toJson);
	}

	@PatchMapping("/{id}")
	@Operation(operationId = "updatePolicy", summary = "Change some fields of a policy (admins)")
	@ApiBody("UpdatePolicy")
	@ApiReturns("Policy")
	Mono<Map<String, Object>> patch(@PathVariable String id, @RequestBody Map<String, Object> body, Caller caller) {
		return catalog.patch(Policies.KIND, caller, id, body, Policies.UPDATE, Set.of()).map(Policies.KIND::toJson);
	}

	@DeleteMapping("/{id}")
	@Operation(operationId = "deletePolicy", summary = "Delete a policy (admins)")
	@ApiReturns("Policy")
	Mono<Map<String, Object>> delete(@PathVariable String id, Caller caller) {
		return catalog.delete(Policies.KIND, caller, id).map(Policies.KIND::toJson);
	}

}
