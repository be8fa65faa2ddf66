package io.catalog.api.auth;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;

import io.catalog.api.access.Caller;
import io.catalog.api.user.UserDirectory;
import io.catalog.api.web.InvalidInputException;
import io.catalog.api.web.Problems;

/**
 * Changes the passwords of functional (local) accounts. The new password's bcrypt hash goes into the user's record
 * in the store, where sign-in looks first, so it outlives a restart and holds on every replica; the accounts file is
 * left as it is. Users of an identity provider have no password here and are refused. Hashing runs on the bounded
 * elastic scheduler, never on an event-loop thread.
 */
@Service
class PasswordChanges {

	/** The shortest new password accepted. */
	static final int MIN_LENGTH = 8;

	/** bcrypt reads no more than this many bytes of a password. */
	static final int MAX_BYTES = 72;

	private static final Logger log = LoggerFactory.getLogger(PasswordChanges.class);

	private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder();

	private final Accounts accounts;

	private final UserDirectory directory;

	PasswordChanges(Accounts accounts, UserDirectory directory) {
		this.accounts = accounts;
		this.directory = directory;
	}

	/** The caller changes its own password, proving it with the current one. */
	Mono<Void> changeOwn(Caller caller, String current, String next, String confirmation) {
		required("currentPassword", current);
		checkNew(next, confirmation);
		var username = caller.username();
		return checkLocal(username, "Only local users are allowed to change password")
			.then(directory.passwordHash(username))
			.publishOn(Schedulers.boundedElastic())
			.flatMap(changed -> accounts.signIn(username, current, changed.orElse(null)).isPresent() ? store(username, next)
					: Mono.error(Problems.of(HttpStatus.BAD_REQUEST, "Current password is incorrect")));
	}

	/** An admin sets a local user's password. */
	Mono<Void> set(String username, String next, String confirmation) {
		checkNew(next, confirmation);
		return checkLocal(username, "Only local users passwords can be changed by admin")
			.publishOn(Schedulers.boundedElastic())
			.then(Mono.defer(() -> store(username, next)));
	}

	private Mono<Void> checkLocal(String username, String refusal) {
		return directory.authStrategy(username).flatMap(strategy -> {
			if (strategy.filter(s -> !UserDirectory.LOCAL.equals(s)).isPresent()) {
				return Mono.error(Problems.forbidden(refusal));
			}
			if (accounts.caller(username).isEmpty()) {
				return Mono.error(strategy.isPresent() ? Problems.forbidden(refusal) : Problems.notFound("Local user", username));
			}
			return Mono.empty();
		});
	}

	private Mono<Void> store(String username, String next) {
		var hash = BCRYPT.encode(next);
		return directory.setPasswordHash(username, hash)
			.doOnSuccess(done -> log.info("password of {} changed", username));
	}

	private static void checkNew(String next, String confirmation) {
		required("newPassword", next);
		required("confirmPassword", confirmation);
		if (!next.equals(confirmation)) {
			throw Problems.of(HttpStatus.BAD_REQUEST, "New password and confirmation password do not match");
		}
		if (next.length() < MIN_LENGTH) {
			throw new InvalidInputException("newPassword", "must have at least " + MIN_LENGTH + " characters");
		}
		if (next.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw new InvalidInputException("newPassword", "must be at most " + MAX_BYTES + " bytes long");
		}
	}

	private static void required(String field, String value) {
		if (Optional.ofNullable(value).filter(v -> !v.isEmpty()).isEmpty()) {
			throw new InvalidInputException(field, "is required");
		}
	}

}
