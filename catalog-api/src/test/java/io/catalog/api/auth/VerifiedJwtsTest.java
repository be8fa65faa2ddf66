package io.catalog.api.auth;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import io.catalog.api.access.Caller;
import io.catalog.api.access.CallerAuthentication;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedJwtsTest {

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	private final CallerAuthentication ada = new CallerAuthentication(
			new Caller("ada", "ada@facility.test", Set.of("group1")), "catalog");

	@Test
	void answersAVerifiedTokenUntilItExpires() {
		var jwt = jwt("token-1", NOW.plusSeconds(60));
		var cache = new VerifiedJwts(at(NOW));
		cache.put(jwt, ada);

		assertThat(cache.get("token-1")).isSameAs(ada);
		assertThat(cache.get("token-2")).isNull();
	}

	@Test
	void forgetsATokenOnceExpired() {
		var clock = new MutableClock(NOW);
		var cache = new VerifiedJwts(clock);
		cache.put(jwt("token-1", NOW.plusSeconds(60)), ada);

		clock.now = NOW.plusSeconds(60);

		assertThat(cache.get("token-1")).isNull();
	}

	@Test
	void keepsNoTokenWithoutExpiry() {
		var cache = new VerifiedJwts(at(NOW));
		cache.put(jwt("token-1", null), ada);

		assertThat(cache.get("token-1")).isNull();
	}

	private static Jwt jwt(String value, Instant expiresAt) {
		return new Jwt(value, NOW.minusSeconds(1), expiresAt, Map.of("alg", "HS256"), Map.of("sub", "ada"));
	}

	private static Clock at(Instant instant) {
		return Clock.fixed(instant, ZoneOffset.UTC);
	}

	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
