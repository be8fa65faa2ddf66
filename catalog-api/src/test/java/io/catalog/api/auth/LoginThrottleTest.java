package io.catalog.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

	private Instant now = Instant.parse("2026-01-01T00:00:00Z");

	private final LoginThrottle throttle = new LoginThrottle(new LoginProperties(3, 5, Duration.ofMinutes(10)),
			new Clock() {
				@Override
				public ZoneOffset getZone() {
					return ZoneOffset.UTC;
				}

				@Override
				public Clock withZone(java.time.ZoneId zone) {
					return this;
				}

				@Override
				public Instant instant() {
					return now;
				}
			});

	private void fail(String username, String source, int times) {
		for (int i = 0; i < times; i++) {
			throttle.failed(username, source);
			now = now.plusSeconds(1);
		}
	}

	@Test
	void accountIsRefusedAfterTooManyFailuresFromAnywhere() {
		fail("Ada", "10.0.0.1", 2);
		fail("ada", "10.0.0.2", 1);
		assertThat(throttle.retryAfter("ada", "10.0.0.3")).hasValueSatisfying(
				wait -> assertThat(wait).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10)));
		assertThat(throttle.retryAfter("grace", "10.0.0.3")).isEmpty();
	}

	@Test
	void sourceIsRefusedAfterTooManyFailuresForAnyAccounts() {
		for (int i = 0; i < 5; i++) {
			fail("user" + i, "10.0.0.9", 1);
		}
		assertThat(throttle.retryAfter("someone", "10.0.0.9")).isPresent();
		assertThat(throttle.retryAfter("someone", "10.0.0.8")).isEmpty();
	}

	@Test
	void failuresLeaveTheWindow() {
		fail("ada", "10.0.0.1", 3);
		now = now.plus(Duration.ofMinutes(10));
		assertThat(throttle.retryAfter("ada", "10.0.0.1")).isEmpty();
	}

	@Test
	void successClearsTheAccount() {
		fail("ada", "10.0.0.1", 2);
		throttle.succeeded("ada");
		fail("ada", "10.0.0.1", 2);
		assertThat(throttle.retryAfter("ada", "10.0.0.2")).isEmpty();
	}

}
