package io.catalog.api.user;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.catalog.api.access.AccessPolicy;
import io.catalog.api.access.Caller;
import io.catalog.api.contract.ApiReturns;
import io.catalog.api.schema.Json;
import io.catalog.api.web.Problems;

/**
 * SciCat's user records: who a user is, its identity with its access groups, and what it may do. A user sees its
 * own; admins see anyone's.
 */
@RestController
@RequestMapping({ "/api/v3/users", "/api/v4/users" })
@Tag(name = "Users")
class UserAccountController {

	/** The most user records one list answers. */
	static final int MAX_LIST = 1000;

	private final UserDirectory directory;

	private final AccessPolicy policy;

	UserAccountController(UserDirectory directory, AccessPolicy policy) {
		this.directory = directory;
		this.policy = policy;
	}

	@GetMapping
	@Operation(operationId = "listUsers", summary = "Every user record (admins), or the caller's own")
	@ApiReturns(value = "User", list = true)
	Mono<List<Object>> list(Caller caller) {
		UserAccess.checkSignedIn(caller);
		var users = policy.isAdmin(caller) ? directory.users(MAX_LIST)
				: directory.user(caller.username()).defaultIfEmpty(self(caller)).flux();
		return users.map(Json::toJson).collectList();
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getUser", summary = "A user's record")
	@ApiReturns("User")
	Mono<Object> get(@PathVariable String id, Caller caller) {
		return Mono.defer(() -> {
			UserAccess.checkSelfOrAdmin(policy, id, caller);
			return directory.user(id).switchIfEmpty(ownOrMissing(id, caller, self(caller)));
		}).map(Json::toJson);
	}

	@GetMapping("/{id}/userIdentity")
	@Operation(operationId = "getUserIdentity", summary = "A user's identity with its access groups")
	@ApiReturns("UserIdentity")
	Mono<Object> identity(@PathVariable String id, Caller caller) {
		return Mono.defer(() -> {
			UserAccess.checkSelfOrAdmin(policy, id, caller);
			return directory.identity(id)
				.switchIfEmpty(ownOrMissing(id, caller, UserDirectory.identityOf(caller)));
		}).map(Json::toJson);
	}

	@GetMapping("/{id}/authorization/dataset/create")
	@Operation(operationId = "canUserCreateDataset", summary = "Whether the user may create datasets")
	@ApiReturns("Authorization")
	Mono<Map<String, Object>> canCreateDataset(@PathVariable String id, Caller caller) {
		return Mono.defer(() -> {
			UserAccess.checkSelfOrAdmin(policy, id, caller);
			Mono<Caller> user = id.equals(caller.username()) ? Mono.just(caller)
					: directory.recorded(id)
						.switchIfEmpty(Mono.error(() -> Problems.notFound("User", id)));
			return user.map(who -> Map.<String, Object>of("authorization", policy.canCreateDatasets(who)));
		});
	}

	/** The caller's own record made up from its credential when it has none stored (it never signed in here). */
	private static Mono<Document> ownOrMissing(String id, Caller caller, Document own) {
		return id.equals(caller.username()) ? Mono.just(own) : Mono.error(() -> Problems.notFound("User", id));
	}

	private static Document self(Caller caller) {
		return new Document("_id", caller.username()).append("id", caller.username())
			.append("username", caller.username())
			.append("email", caller.email());
	}

}
