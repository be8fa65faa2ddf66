package io.catalog.api.auth;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.catalog.api.access.Caller;
import io.catalog.api.access.CallerAuthentication;
import io.catalog.api.contract.ApiReturns;
import io.catalog.api.web.InvalidInputException;
import io.catalog.api.web.Problems;

/**
 * The caller's own API tokens: create (the secret is in this answer only), list, revoke. A token may be narrowed to
 * some of the caller's groups; an API token cannot make further API tokens.
 */
@RestController
@Tag(name = "Auth")
class ApiTokenController {

	private static final String PATH = "/api/v3/users/my/tokens";

	private final ApiTokens tokens;

	private final ApiTokenProperties limits;

	ApiTokenController(ApiTokens tokens, ApiTokenProperties limits) {
		this.tokens = tokens;
		this.limits = limits;
	}

	/**
	 * What a new token should be.
	 *
	 * @param name a label for the owner's own use
	 * @param groups the groups the token acts in, a subset of the caller's; all of them when absent
	 * @param expiresAt when the token stops working (ISO-8601), at most {@code API_TOKEN_MAX_LIFETIME} ahead; when
	 * absent, {@code API_TOKEN_DEFAULT_LIFETIME} from now
	 */
	record TokenRequest(String name, List<String> groups, String expiresAt) {
	}

	@PostMapping(PATH)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createApiToken", summary = "Create an API token; its secret (token) is in this answer only")
	@ApiReturns("ApiToken")
	Mono<Map<String, Object>> create(Caller caller, @RequestBody(required = false) TokenRequest request) {
		var body = request == null ? new TokenRequest(null, null, null) : request;
		return ReactiveSecurityContextHolder.getContext()
			.map(context -> context.getAuthentication())
			.filter(auth -> auth instanceof CallerAuthentication signedIn && "api-token".equals(signedIn.kind()))
			.flatMap(auth -> Mono.<Map<String, Object>>error(Problems.forbidden("an API token cannot create API tokens")))
			.switchIfEmpty(Mono.defer(() -> {
				signedIn(caller);
				var groups = body.groups() == null ? List.copyOf(caller.groups()) : body.groups();
				if (groups.stream().anyMatch(group -> group == null || group.isBlank())) {
					throw new InvalidInputException("groups", "must hold group names");
				}
				var outside = groups.stream().filter(group -> !caller.groups().contains(group)).toList();
				if (!outside.isEmpty()) {
					throw new InvalidInputException("groups", "not groups of yours: " + outside);
				}
				var expiresAt = expiry(body.expiresAt());
				return tokens.create(caller, body.name(), groups, expiresAt, limits.maxPerAccount()).map(created -> {
					var answer = view(created.token());
					answer.put("token", created.secret());
					return answer;
				}).switchIfEmpty(Mono.error(() -> Problems.conflict("an account may hold at most " + limits.maxPerAccount()
						+ " API tokens: revoke one first")));
			}));
	}

	@GetMapping(PATH)
	@Operation(operationId = "listApiTokens", summary = "The caller's API tokens, without their secrets")
	@ApiReturns(value = "ApiToken", list = true)
	Flux<Map<String, Object>> list(Caller caller) {
		return tokens.list(signedIn(caller).username()).map(ApiTokenController::view);
	}

	@DeleteMapping(PATH + "/{id}")
	@Operation(operationId = "revokeApiToken", summary = "Revoke one of the caller's API tokens")
	@ApiReturns("ApiToken")
	Mono<Map<String, Object>> revoke(Caller caller, @PathVariable String id) {
		return tokens.revoke(signedIn(caller).username(), id)
			.map(ApiTokenController::view)
			.switchIfEmpty(Mono.error(() -> Problems.notFound("API token", id)));
	}

	private Instant expiry(String expiresAt) {
		var now = Instant.now();
		if (expiresAt == null || expiresAt.isBlank()) {
			return now.plus(limits.defaultLifetime());
		}
		try {
			var instant = Instant.parse(expiresAt);
			if (!instant.isAfter(now)) {
				throw new InvalidInputException("expiresAt", "must be in the future");
			}
			if (instant.isAfter(now.plus(limits.maxLifetime()))) {
				throw new InvalidInputException("expiresAt", "must be at most " + limits.maxLifetime().toDays()
						+ " days ahead");
			}
			return instant;
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("expiresAt", "must be an ISO-8601 instant such as 2030-01-01T00:00:00Z");
		}
	}

	private static Caller signedIn(Caller caller) {
		if (!caller.authenticated()) {
			throw Problems.unauthorized();
		}
		return caller;
	}

	private static Map<String, Object> view(ApiTokens.ApiToken token) {
		var view = new LinkedHashMap<String, Object>();
		view.put("id", token.id());
		view.put("name", token.name());
		view.put("owner", token.owner());
		view.put("groups", token.groups());
		view.put("createdAt", token.createdAt().toString());
		view.put("expiresAt", token.expiresAt() == null ? null : token.expiresAt().toString());
		return view;
	}

}
