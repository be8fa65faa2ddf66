package io.catalog.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

	private Instant now = Instant.parse("2026-01-01T00:00:00Z");

	private final Clock clock = new Clock() {
		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	};

	/** Three free failures per account and address, ten per address, the account slowed past four. */
	private final LoginThrottle throttle = new LoginThrottle(new LoginProperties(3, Duration.ofMinutes(15), 4,
			Duration.ofSeconds(1), 10, Duration.ofMinutes(10), List.of(), 1, 1), clock);

	/** Fails {@code times} attempts (each let through), one second apart. */
	private void fail(String username, String source, int times) {
		for (int i = 0; i < times; i++) {
			var decision = throttle.attempt(username, source);
			assertThat(decision.attempt()).as("attempt %d let through", i + 1).isNotNull();
			decision.attempt().failed();
			now = now.plusSeconds(1);
		}
	}

	@Test
	void afterTheFreeFailuresEachAttemptFromThatAddressWaitsTwiceAsLong() {
		fail("ada", "10.0.0.1", 3);
		throttle.attempt("ada", "10.0.0.1").attempt().failed();
		assertThat(throttle.attempt("ada", "10.0.0.1").refused()).hasValue(Duration.ofSeconds(2));
		now = now.plusSeconds(2);
		throttle.attempt("ada", "10.0.0.1").attempt().failed();
		assertThat(throttle.attempt("ada", "10.0.0.1").refused()).hasValue(Duration.ofSeconds(4));
		now = now.plusSeconds(4);
		throttle.attempt("ada", "10.0.0.1").attempt().failed();
		assertThat(throttle.attempt("ada", "10.0.0.1").refused()).hasValue(Duration.ofSeconds(8));
	}

	@Test
	void theOwnerFromAnotherAddressIsNeverRefusedOnlySlowed() {
		fail("ada", "10.0.0.1", 3);
		fail("ada", "10.0.0.2", 3);
		var owner = throttle.attempt("ada", "10.0.0.3");
		assertThat(owner.refused()).isEmpty();
		assertThat(owner.attempt().pause()).isEqualTo(Duration.ofSeconds(1));
		assertThat(throttle.attempt("grace", "10.0.0.3").attempt().pause()).isZero();
	}

	@Test
	void aSuccessClearsItsAddressesFailuresOnTheAccount() {
		fail("ada", "10.0.0.1", 3);
		throttle.attempt("ada", "10.0.0.1").attempt().succeeded();
		fail("ada", "10.0.0.1", 3);
	}

	@Test
	void attemptsHeldBackOnlyByUndecidedOnesAskAgainAndTheRightPasswordGetsThrough() {
		var first = throttle.attempt("ada", "10.0.0.1").attempt();
		var second = throttle.attempt("ada", "10.0.0.1").attempt();
		var third = throttle.attempt("ada", "10.0.0.1").attempt();
		var fourth = throttle.attempt("ada", "10.0.0.1");
		assertThat(fourth.busy()).isTrue();
		assertThat(fourth.refused()).isEmpty();
		first.succeeded();
		second.succeeded();
		third.withdrawn();
		assertThat(throttle.attempt("ada", "10.0.0.1").attempt()).isNotNull();
	}

	@Test
	void anAddressIsRefusedAfterTooManyFailuresForAnyAccounts() {
		for (int i = 0; i < 10; i++) {
			fail("user" + i, "10.0.0.9", 1);
		}
		assertThat(throttle.attempt("someone", "10.0.0.9").refused()).hasValueSatisfying(
				wait -> assertThat(wait).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10)));
		assertThat(throttle.attempt("someone", "10.0.0.8").refused()).isEmpty();
	}

	@Test
	void failuresLeaveTheWindow() {
		for (int i = 0; i < 10; i++) {
			fail("user" + i, "10.0.0.9", 1);
		}
		now = now.plus(Duration.ofMinutes(10));
		assertThat(throttle.attempt("someone", "10.0.0.9").refused()).isEmpty();
	}

	@Test
	void parallelAttemptsCannotSlipPastTheLimit() throws Exception {
		var pool = Executors.newFixedThreadPool(8);
		try {
			var start = new CyclicBarrier(8);
			var decisions = new ArrayList<Future<Boolean>>();
			for (int i = 0; i < 8; i++) {
				decisions.add(pool.submit(() -> {
					start.await();
					return throttle.attempt("ada", "10.0.0.1").attempt() != null;
				}));
			}
			int through = 0;
			for (var decision : decisions) {
				through += decision.get(10, TimeUnit.SECONDS) ? 1 : 0;
			}
			// three may be decided at once; the others wait for those to be settled
			assertThat(through).isEqualTo(3);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
