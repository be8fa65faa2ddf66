package io.catalog.api.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The JWTs already verified, with the caller each stands for, until each expires: a client that sends the same
 * token on every request has its signature and claims checked once. Bounded; when full it starts afresh.
 */
final class VerifiedJwts {

	static final int MAX = 10_000;

	private final Map<String, Verified> byToken = new ConcurrentHashMap<>();

	private final Clock clock;

	VerifiedJwts(Clock clock) {
		this.clock = clock;
	}

	/** The caller of a token verified before and not expired since, or null. */
	Authentication get(String token) {
		var verified = byToken.get(token);
		if (verified == null) {
			return null;
		}
		if (!clock.instant().isBefore(verified.expiresAt())) {
			byToken.remove(token);
			return null;
		}
		return verified.authentication();
	}

	/** Remembers a token that passed verification; one without an expiry is verified on every request. */
	<A extends Authentication> A put(Jwt jwt, A authentication) {
		if (jwt.getExpiresAt() != null) {
			if (byToken.size() >= MAX) {
				byToken.clear();
			}
			byToken.put(jwt.getTokenValue(), new Verified(authentication, jwt.getExpiresAt()));
		}
		return authentication;
	}

	private record Verified(Authentication authentication, Instant expiresAt) {
	}

}
