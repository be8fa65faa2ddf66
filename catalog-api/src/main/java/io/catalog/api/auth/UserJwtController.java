package io.catalog.api.auth;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.catalog.api.access.AccessPolicy;
import io.catalog.api.access.Caller;
import io.catalog.api.access.CallerAuthentication;
import io.catalog.api.contract.ApiBody;
import io.catalog.api.contract.ApiReturns;
import io.catalog.api.user.UserDirectory;
import io.catalog.api.web.InvalidInputException;
import io.catalog.api.web.Problems;

/**
 * SciCat's token routes: a fresh token for the caller (an anonymous caller's token reads what anonymous callers
 * read), and a token for any user minted by an admin; an API token may use neither. Catalog tokens cannot be revoked, so a minted token lives at
 * most {@link #MAX_LIFETIME}; SciCat's {@code "never"} gets that bound (long-lived credentials are API tokens,
 * which can be revoked).
 */
@RestController
@Tag(name = "Users")
class UserJwtController {

	/** The longest a minted token lives, also what {@code "never"} means here. */
	static final Duration MAX_LIFETIME = Duration.ofDays(30);

	private static final Pattern DURATION = Pattern.compile("(-?\\d{1,12})\\s*(ms|s|m|h|d|w|y)?");

	private final Tokens tokens;

	private final Accounts accounts;

	private final UserDirectory directory;

	private final AccessPolicy policy;

	UserJwtController(Tokens tokens, Accounts accounts, UserDirectory directory, AccessPolicy policy) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.directory = directory;
		this.policy = policy;
	}

	/** How long a minted token should live: seconds, SciCat's {@code 2h}/{@code 7d} forms, or {@code never}. */
	record JwtRequest(Object expiresIn) {
	}

	@PostMapping({ "/api/v3/users/jwt", "/api/v4/users/jwt" })
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createMyJwt", summary = "A new token for the caller (anonymous without credentials)")
	@ApiReturns("Jwt")
	Mono<Map<String, Object>> mine(Caller caller) {
		return notByApiToken().then(Mono.fromSupplier(() -> answer(tokens.issue(caller))));
	}

	@PostMapping({ "/api/v3/users/{id}/jwt", "/api/v4/users/{id}/jwt" })
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createUserJwt", summary = "A token for the user, with a chosen lifetime (admins)")
	@ApiBody("JwtRequest")
	@ApiReturns("Jwt")
	Mono<Map<String, Object>> forUser(@PathVariable String id, @RequestBody(required = false) JwtRequest body,
			Caller caller) {
		return notByApiToken().then(Mono.defer(() -> {
			if (!caller.authenticated()) {
				throw Problems.unauthorized();
			}
			if (!policy.isAdmin(caller)) {
				throw Problems.forbidden("Access Forbidden or Unauthorized");
			}
			var lifetime = lifetime(body == null ? null : body.expiresIn());
			return accounts.caller(id).map(Mono::just).orElseGet(() -> directory.recorded(id))
				.switchIfEmpty(Mono.error(() -> Problems.notFound("User", id)))
				.map(user -> answer(tokens.issue(user, lifetime)));
		}));
	}

	/** An API token, which can be revoked, may not turn itself into a token that cannot. */
	private static Mono<Void> notByApiToken() {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(context -> context.getAuthentication())
			.filter(auth -> auth instanceof CallerAuthentication signedIn && "api-token".equals(signedIn.kind()))
			.flatMap(auth -> Mono.error(Problems.forbidden("an API token cannot create tokens")));
	}

	private Duration lifetime(Object expiresIn) {
		if (expiresIn == null || "".equals(expiresIn)) {
			return tokens.lifetime();
		}
		if ("never".equals(expiresIn)) {
			return MAX_LIFETIME;
		}
		var matcher = DURATION.matcher(String.valueOf(expiresIn).trim());
		if (!(expiresIn instanceof String || expiresIn instanceof Integer || expiresIn instanceof Long)
				|| !matcher.matches()) {
			throw new InvalidInputException("expiresIn", "must be seconds, a duration such as 2h or 7d, or never");
		}
		long amount = Long.parseLong(matcher.group(1));
		var unit = matcher.group(2) == null ? "s" : matcher.group(2);
		var asked = switch (unit) {
			case "ms" -> Duration.ofMillis(amount);
			case "m" -> Duration.ofMinutes(Math.min(amount, MAX_LIFETIME.toMinutes() + 1));
			case "h" -> Duration.ofHours(Math.min(amount, MAX_LIFETIME.toHours() + 1));
			case "d", "w", "y" -> Duration.ofDays(Math.min(amount * ("d".equals(unit) ? 1 : "w".equals(unit) ? 7 : 365),
					MAX_LIFETIME.toDays() + 1));
			default -> Duration.ofSeconds(Math.min(amount, MAX_LIFETIME.toSeconds() + 1));
		};
		if (asked.compareTo(MAX_LIFETIME) > 0) {
			return MAX_LIFETIME;
		}
		if (asked.isNegative()) {
			return Duration.ofSeconds(Math.max(asked.toSeconds(), -MAX_LIFETIME.toSeconds()));
		}
		if (asked.toSeconds() < 1) {
			throw new InvalidInputException("expiresIn", "must be at least one second (or negative: a token already expired)");
		}
		return asked;
	}

	private static Map<String, Object> answer(Tokens.Issued token) {
		var answer = new LinkedHashMap<String, Object>();
		answer.put("jwt", token.value());
		answer.put("expires_in", token.expiresIn());
		return answer;
	}

}
