package io.catalog.api.user;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.catalog.api.access.Caller;
import io.catalog.api.contract.ApiBody;
import io.catalog.api.contract.ApiReturns;
import io.catalog.api.schema.Json;

/** SciCat's per-user settings routes, which its frontend reads after sign-in. */
@RestController
@RequestMapping({ "/api/v3/users", "/api/v4/users" })
@Tag(name = "Users")
class UserController {

	private final UserSettings settings;

	UserController(UserSettings settings) {
		this.settings = settings;
	}

	@GetMapping("/my/settings")
	@Operation(operationId = "getMySettings", summary = "The signed-in user's frontend settings")
	@ApiReturns("UserSettings")
	Mono<Object> mine(Caller caller) {
		return Mono.defer(() -> settings.get(String.valueOf(caller.username()), caller)).map(Json::toJson);
	}

	@GetMapping("/{id}/settings")
	@Operation(operationId = "getUserSettings", summary = "A user's frontend settings (created with defaults on first read)")
	@ApiReturns("UserSettings")
	Mono<Object> get(@PathVariable String id, Caller caller) {
		return Mono.defer(() -> settings.get(id, caller)).map(Json::toJson);
	}

	@PostMapping("/{id}/settings")
	@Operation(operationId = "createUserSettings", summary = "Set a user's frontend settings")
	@ApiBody("UserSettings")
	@ApiReturns("UserSettings")
	Mono<Object> create(@PathVariable String id, @RequestBody Map<String, Object> body, Caller caller) {
		return Mono.defer(() -> settings.put(id, body, true, caller)).map(Json::toJson);
	}

	@PutMapping("/{id}/settings")
	@Operation(operationId = "replaceUserSettings", summary = "Replace a user's frontend settings")
	@ApiBody("UserSettings")
	@ApiReturns("UserSettings")
	Mono<Object> replace(@PathVariable String id, @RequestBody Map<String, Object> body, Caller caller) {
		return Mono.defer(() -> settings.put(id, body, true, caller)).map(Json::toJson);
	}

	@PatchMapping("/{id}/settings")
	@Operation(operationId = "updateUserSettings", summary = "Change some of a user's frontend settings")
	@ApiBody("UserSettings")
	@ApiReturns("UserSettings")
	Mono<Object> update(@PathVariable String id, @RequestBody Map<String, Object> body, Caller caller) {
		return Mono.defer(() -> settings.put(id, body, false, caller)).map(Json::toJson);
	}

	@PatchMapping("/{id}/settings/external")
	@Operation(operationId = "updateUserExternalSettings",
			summary = "Set some keys of a user's external settings (the frontend's saved columns and filters)")
	@ApiReturns("UserSettings")
	Mono<Object> updateExternal(@PathVariable String id, @RequestBody Map<String, Object> body, Caller caller) {
		return Mono.defer(() -> settings.putExternal(id, body, caller)).map(Json::toJson);
	}

	@DeleteMapping("/{id}/settings")
	@Operation(operationId = "deleteUserSettings", summary = "Forget a user's frontend settings")
	@ApiReturns("UserSettings")
	Mono<Object> delete(@PathVariable String id, Caller caller) {
		return Mono.defer(() -> settings.delete(id, caller)).map(Json::toJson);
	}

}
