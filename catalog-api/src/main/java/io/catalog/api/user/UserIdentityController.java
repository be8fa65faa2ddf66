package io.catalog.api.user;

import static io.catalog.api.schema.FieldType.OBJECT;
import static io.catalog.api.schema.FieldType.STRING;
import static io.catalog.api.schema.FieldType.STRINGS;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.catalog.api.access.AccessPolicy;
import io.catalog.api.access.Caller;
import io.catalog.api.contract.ApiReturns;
import io.catalog.api.document.Catalog;
import io.catalog.api.schema.Json;
import io.catalog.api.schema.Schema;
import io.catalog.api.web.Problems;

/**
 * SciCat's user-identity lookups, which its frontend calls after each sign-in. The {@code filter} comes as a query
 * parameter or, as SciCat's older frontend sends it, a header; a user finds only its own identity, admins anyone's.
 */
@RestController
@RequestMapping({ "/api/v3/useridentities", "/api/v4/useridentities" })
@Tag(name = "User identities")
class UserIdentityController {

	/** The identity fields a filter may name. */
	static final Schema SCHEMA = Schema.builder()
		.optional(STRING, "userId", "authStrategy", "provider", "externalId")
		.optional("profile", OBJECT, Schema.builder()
			.optional(STRING, "id", "username", "displayName", "email")
			.optional("accessGroups", STRINGS)
			.build())
		.build();

	private final UserDirectory directory;

	private final AccessPolicy policy;

	private final Catalog catalog;

	UserIdentityController(UserDirectory directory, AccessPolicy policy, Catalog catalog) {
		this.directory = directory;
		this.policy = policy;
		this.catalog = catalog;
	}

	@GetMapping("/findOne")
	@Operation(operationId = "findOneUserIdentity", summary = "The first identity matching a filter")
	@ApiReturns("UserIdentity")
	Mono<Object> findOne(@RequestParam(required = false) String filter,
			@RequestHeader(name = "filter", required = false) String filterHeader, Caller caller) {
		return Mono.defer(() -> {
			UserAccess.checkSignedIn(caller);
			var where = where(filter, filterHeader);
			if (!policy.isAdmin(caller)) {
				var named = where.get("userId");
				if (named != null && !caller.username().equals(named)) {
					throw Problems.forbidden("Access Forbidden or Unauthorized");
				}
				where = new Document("$and", List.of(where, new Document("userId", caller.username())));
			}
			return directory.findIdentity(where).switchIfEmpty(Mono.error(() -> Problems.notFound("UserIdentity", "")));
		}).map(Json::toJson);
	}

	@GetMapping("/isValidEmail")
	@Operation(operationId = "isValidEmail", summary = "Whether an identity matches the filter (admins)")
	Mono<Boolean> isValidEmail(@RequestParam(required = false) String filter,
			@RequestHeader(name = "filter", required = false) String filterHeader, Caller caller) {
		return Mono.defer(() -> {
			UserAccess.checkAdmin(policy, caller);
			return directory.findIdentity(where(filter, filterHeader)).hasElement();
		});
	}

	private Document where(String filter, String filterHeader) {
		var text = filterHeader != null && !filterHeader.isBlank() ? filterHeader : filter;
		return catalog.filters().parse(text, SCHEMA, Set.of()).where();
	}

}
