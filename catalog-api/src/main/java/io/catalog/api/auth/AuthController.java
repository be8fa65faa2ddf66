package io.catalog.api.auth;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.beans.factory.annotation.Qualifier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RestController;

import io.catalog.api.access.Caller;
import io.catalog.api.contract.ApiBody;
import io.catalog.api.contract.ApiReturns;
import io.catalog.api.user.UserDirectory;
import io.catalog.api.web.InvalidInputException;
import io.catalog.api.web.Problems;

/**
 * SciCat's local sign-in and the caller's view of itself. Password hashes are checked on a bounded scheduler of
 * their own, never on a request thread, and failed sign-ins are slowed down by the {@link LoginThrottle}.
 */
@RestController
@Tag(name = "Auth")
class AuthController {

	private final Accounts accounts;

	private final Tokens tokens;

	private final OidcLogin oidc;

	private final LoginThrottle throttle;

	private final UserDirectory directory;

	private final ClientAddress clientAddress;

	private final Scheduler hashing;

	/** How often, and how many times, a sign-in held back by parallel ones of its account and address asks again. */
	private static final Duration POLL = Duration.ofMillis(50);

	private static final int MAX_POLLS = 600;

	AuthController(Accounts accounts, Tokens tokens, OidcLogin oidc, LoginThrottle throttle, UserDirectory directory,
			ClientAddress clientAddress, @Qualifier(AuthConfiguration.HASHING) Scheduler hashing) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.oidc = oidc;
		this.throttle = throttle;
		this.directory = directory;
		this.clientAddress = clientAddress;
		this.hashing = hashing;
	}

	/** The credentials a client signs in with. */
	record Credentials(String username, String password) {
	}

	@PostMapping({ "/api/v3/auth/login", "/api/v3/users/login", "/api/v4/auth/login" })
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "login", summary = "Sign in with a functional account; answers SciCat's token object")
	@ApiBody("Credentials")
	@ApiReturns("Login")
	Mono<Map<String, Object>> login(@RequestBody Credentials credentials, ServerHttpRequest request) {
		if (credentials.username() == null || credentials.username().isBlank()) {
			throw new InvalidInputException("username", "is required");
		}
		var address = clientAddress.of(request);
		return Mono.fromSupplier(() -> throttle.attempt(credentials.username(), address))
			.filter(decision -> !decision.busy())
			.repeatWhenEmpty(MAX_POLLS, polls -> polls.delayElements(POLL))
			.onErrorMap(IllegalStateException.class, exceeded -> tooMany(Duration.ofSeconds(1)))
			.flatMap(decision -> {
				if (decision.attempt() == null) {
					return Mono.error(tooMany(decision.retryAfter()));
				}
				return signIn(credentials, decision.attempt());
			});
	}

	/** Checks the password off the request threads and settles the attempt with the outcome. */
	private Mono<Map<String, Object>> signIn(Credentials credentials, LoginThrottle.Attempt attempt) {
		var pause = attempt.pause().isZero() ? Mono.<Long>empty() : Mono.delay(attempt.pause());
		return pause.then(directory.passwordHash(credentials.username()))
			.flatMap(changed -> Mono.fromCallable(() -> accounts.signIn(credentials.username(), credentials.password(),
					changed.orElse(null)))
				.subscribeOn(hashing)
				.onErrorMap(RejectedExecutionException.class, ex -> busy()))
			.flatMap(signedIn -> {
				if (signedIn.isEmpty()) {
					attempt.failed();
					return Mono.error(Problems.of(HttpStatus.UNAUTHORIZED, "wrong username or password"));
				}
				attempt.succeeded();
				var caller = signedIn.get();
				return directory.record(caller, UserDirectory.LOCAL).thenReturn(answer(caller));
			})
			.doFinally(signal -> attempt.withdrawn());
	}

	private static ErrorResponseException tooMany(Duration wait) {
		var refused = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too many failed sign-ins; try again later");
		refused.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, wait.toSeconds())));
		return refused;
	}

	private static ErrorResponseException busy() {
		var busy = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "too many sign-ins at once; try again in a moment");
		busy.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
		return busy;
	}

	private Map<String, Object> answer(Caller caller) {
		var token = tokens.issue(caller);
		var answer = new LinkedHashMap<String, Object>();
		answer.put("access_token", token.value());
		answer.put("id", token.value());
		answer.put("expires_in", token.expiresIn());
		answer.put("ttl", token.expiresIn());
		answer.put("created", token.created().toString());
		answer.put("userId", caller.username());
		answer.put("user", user(caller));
		return answer;
	}

	@PostMapping({ "/api/v3/auth/logout", "/api/v3/users/logout" })
	@Operation(operationId = "logout", summary = "Sign out; answers the identity provider's logout URL when there is one")
	Mono<Map<String, Object>> logout(Caller caller) {
		return Mono.defer(() -> Mono.just(signedIn(caller))).then(oidc.logoutUrl()).map(url -> {
			var answer = new LinkedHashMap<String, Object>();
			answer.put("logout", "successful");
			url.ifPresent(logoutUrl -> answer.put("logoutURL", logoutUrl));
			return answer;
		});
	}

	@GetMapping({ "/api/v3/users/my/self", "/api/v4/users/my/self" })
	@Operation(operationId = "getMyself", summary = "The signed-in user")
	@ApiReturns("User")
	Map<String, Object> self(Caller caller) {
		return user(signedIn(caller));
	}

	@GetMapping({ "/api/v3/users/my/identity", "/api/v3/auth/whoami", "/api/v4/users/my/identity" })
	@Operation(operationId = "getMyIdentity", summary = "The signed-in user's identity with its access groups")
	@ApiReturns("UserIdentity")
	Map<String, Object> identity(Caller caller) {
		signedIn(caller);
		var profile = new LinkedHashMap<String, Object>();
		profile.put("displayName", caller.username());
		profile.put("username", caller.username());
		profile.put("email", caller.email());
		profile.put("emails", caller.email() == null ? List.of() : List.of(Map.of("value", caller.email())));
		profile.put("accessGroups", List.copyOf(caller.groups()));
		var identity = new LinkedHashMap<String, Object>(user(caller));
		identity.put("provider", "local");
		identity.put("userId", caller.username());
		identity.put("profile", profile);
		identity.put("currentGroups", List.copyOf(caller.groups()));
		return identity;
	}

	private static Caller signedIn(Caller caller) {
		if (!caller.authenticated()) {
			throw Problems.unauthorized();
		}
		return caller;
	}

	private static Map<String, Object> user(Caller caller) {
		var user = new LinkedHashMap<String, Object>();
		user.put("_id", caller.username());
		user.put("id", caller.username());
		user.put("username", caller.username());
		user.put("email", caller.email());
		user.put("authStrategy", "local");
		user.put("currentGroups", List.copyOf(caller.groups()));
		return user;
	}

}
