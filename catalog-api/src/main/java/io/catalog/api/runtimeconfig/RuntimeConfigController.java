package io.catalog.api.runtimeconfig;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.catalog.api.access.AccessPolicy;
import io.catalog.api.access.Caller;
import io.catalog.api.contract.ApiBody;
import io.catalog.api.contract.ApiReturns;
import io.catalog.api.schema.Json;
import io.catalog.api.web.Problems;

/** SciCat's runtime-configuration routes: anyone reads a configuration, admins replace its data. */
@RestController
@RequestMapping({ "/api/v3/runtime-config", "/api/v4/runtime-config" })
@Tag(name = "Runtime configuration")
class RuntimeConfigController {

	private final RuntimeConfigs configs;

	private final AccessPolicy policy;

	RuntimeConfigController(RuntimeConfigs configs, AccessPolicy policy) {
		this.configs = configs;
		this.policy = policy;
	}

	@GetMapping("/{cid}")
	@Operation(operationId = "getRuntimeConfig", summary = "A runtime configuration (frontendConfig, frontendTheme, ...)")
	@ApiReturns("RuntimeConfig")
	Mono<Object> get(@PathVariable String cid) {
		return configs.get(cid).map(Json::toJson);
	}

	@PutMapping("/{cid}")
	@Operation(operationId = "updateRuntimeConfig", summary = "Replace a runtime configuration's data (admins)")
	@ApiBody("RuntimeConfigUpdate")
	@ApiReturns("RuntimeConfig")
	Mono<Object> update(@PathVariable String cid, @RequestBody Map<String, Object> body, Caller caller) {
		return Mono.defer(() -> {
			if (!caller.authenticated()) {
				throw Problems.unauthorized();
			}
			if (!policy.isAdmin(caller)) {
				throw Problems.forbidden("Only admins may change the runtime configuration");
			}
			return configs.update(cid, body.get("data"), caller);
		}).map(Json::toJson);
	}

}
