package io.catalog.api.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after too many failed sign-ins within a window, for one account or from one source
 * address, further attempts are refused until the oldest failure leaves the window. A successful sign-in clears its
 * account's failures. Kept in memory: each replica throttles on its own.
 */
final class LoginThrottle {

	private static final int PRUNE_ABOVE = 10_000;

	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	private final LoginProperties properties;

	private final Clock clock;

	LoginThrottle(LoginProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/** How long the caller must wait before trying again, if it must. */
	Optional<Duration> retryAfter(String username, String source) {
		var now = clock.instant();
		return wait(account(username), properties.maxFailuresPerAccount(), now)
			.or(() -> wait(source(source), properties.maxFailuresPerSource(), now));
	}

	void failed(String username, String source) {
		var now = clock.instant();
		if (failures.size() > PRUNE_ABOVE) {
			failures.values().removeIf(times -> {
				synchronized (times) {
					prune(times, now);
					return times.isEmpty();
				}
			});
		}
		record(account(username), now);
		record(source(source), now);
	}

	void succeeded(String username) {
		failures.remove(account(username));
	}

	private Optional<Duration> wait(String key, int max, Instant now) {
		var times = failures.get(key);
		if (times == null) {
			return Optional.empty();
		}
		synchronized (times) {
			prune(times, now);
			if (times.size() < max) {
				return Optional.empty();
			}
			var wait = Duration.between(now, times.peekFirst().plus(properties.window()));
			return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
		}
	}

	private void record(String key, Instant now) {
		var times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
		synchronized (times) {
			prune(times, now);
			times.addLast(now);
		}
	}

	private void prune(Deque<Instant> times, Instant now) {
		var oldest = now.minus(properties.window());
		while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
			times.removeFirst();
		}
	}

	private static String account(String username) {
		return "account:" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
	}

	private static String source(String address) {
		return "source:" + address;
	}

}
