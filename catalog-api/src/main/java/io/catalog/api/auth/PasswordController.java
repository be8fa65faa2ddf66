package io.catalog.api.auth;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.catalog.api.access.AccessPolicy;
import io.catalog.api.access.Caller;
import io.catalog.api.contract.ApiBody;
import io.catalog.api.contract.ApiReturns;
import io.catalog.api.web.Problems;

/** SciCat's password changes for local accounts: one's own with the current password, anyone's by an admin. */
@RestController
@Tag(name = "Users")
class PasswordController {

	private final PasswordChanges changes;

	private final AccessPolicy policy;

	PasswordController(PasswordChanges changes, AccessPolicy policy) {
		this.changes = changes;
		this.policy = policy;
	}

	/** A password change as SciCat's frontend sends it; an admin's carries no current password. */
	record PasswordChange(String currentPassword, String newPassword, String confirmPassword) {
	}

	@PostMapping({ "/api/v3/users/password", "/api/v4/users/password" })
	@Operation(operationId = "changeMyPassword", summary = "Change the signed-in local user's password")
	@ApiBody("PasswordChange")
	@ApiReturns("Message")
	Mono<Map<String, Object>> changeOwn(@RequestBody PasswordChange body, Caller caller) {
		return Mono.defer(() -> {
			signedIn(caller);
			return changes.changeOwn(caller, body.currentPassword(), body.newPassword(), body.confirmPassword());
		}).thenReturn(Map.of("message", "Password updated successfully"));
	}

	@PatchMapping({ "/api/v3/users/{id}/password", "/api/v4/users/{id}/password" })
	@Operation(operationId = "setUserPassword", summary = "Set a local user's password (admins)")
	@ApiBody("PasswordChange")
	@ApiReturns("Message")
	Mono<Map<String, Object>> set(@PathVariable String id, @RequestBody PasswordChange body, Caller caller) {
		return Mono.defer(() -> {
			signedIn(caller);
			if (!policy.isAdmin(caller)) {
				throw Problems.forbidden("Access Forbidden or Unauthorized");
			}
			return changes.set(id, body.newPassword(), body.confirmPassword());
		}).thenReturn(Map.of("message", "Password updated successfully for userId: " + id));
	}

	private static void signedIn(Caller caller) {
		if (!caller.authenticated()) {
			throw Problems.unauthorized();
		}
	}

}
