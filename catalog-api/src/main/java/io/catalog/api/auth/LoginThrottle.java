package io.catalog.api.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Slows password guessing down without locking an account's owner out. Three counts, each over a sliding window:
 * <ul>
 * <li>per account and address: after {@code freeFailures} failures, each further attempt from that address on that
 * account must wait, 1 s after the next failure and twice as long after each one more, up to {@code maxDelay}
 * (429 with {@code Retry-After} meanwhile); a success clears it. The owner, signing in from elsewhere, is not
 * held up by it;</li>
 * <li>per address: after {@code maxFailuresPerSource} failures for any accounts it is refused until the oldest leaves
 * the window;</li>
 * <li>per account from anywhere: past {@code maxFailuresPerAccount} failures every attempt on it is answered only
 * after {@code accountDelay}, never refused.</li>
 * </ul>
 * An attempt is counted as a failure the moment it is let through (a success takes it back), so that parallel
 * attempts cannot slip past a limit between the check and the count. Kept in memory, bounded: each replica throttles
 * on its own.
 */
final class LoginThrottle {

	/** The most accounts, addresses and pairs of them remembered at once. */
	static final int MAX_KEYS = 100_000;

	/** The longest account name a key keeps (longer names are cut, not refused here). */
	private static final int MAX_NAME = 256;

	private final ConcurrentMap<String, Pair> pairs;

	private final ConcurrentMap<String, Deque<Instant>> sources;

	private final ConcurrentMap<String, Deque<Instant>> accounts;

	private final LoginProperties properties;

	private final Clock clock;

	LoginThrottle(LoginProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		this.pairs = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(properties.window().plus(properties.maxDelay()))
			.<String, Pair>build().asMap();
		this.sources = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(properties.window())
			.<String, Deque<Instant>>build().asMap();
		this.accounts = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(properties.window())
			.<String, Deque<Instant>>build().asMap();
	}

	/** The failures of one account from one address, and when the last one was counted. */
	private record Pair(int failures, Instant last) {
	}

	/**
	 * An attempt let through and counted as failed: tell it how it ended.
	 *
	 * @param pause how long to hold the answer back (the account is under attack), zero mostly
	 */
	final class Attempt {

		private final String pair;

		private final String source;

		private final String account;

		private final Instant at;

		private final Duration pause;

		private Attempt(String pair, String source, String account, Instant at, Duration pause) {
			this.pair = pair;
			this.source = source;
			this.account = account;
			this.at = at;
			this.pause = pause;
		}

		Duration pause() {
			return pause;
		}

		/** The password was right: the attempt no longer counts, and its address's failures on the account are cleared. */
		void succeeded() {
			pairs.remove(pair);
			forget(sources, source, at);
			forget(accounts, account, at);
		}

	}

	/** Lets an attempt through, counting it, or answers how long the caller must wait before trying again. */
	Decision attempt(String username, String address) {
		var now = clock.instant();
		var account = account(username);
		var source = "source:" + address;
		var pair = account + "|" + source;
		var sourceWait = count(sources, source, properties.maxFailuresPerSource(), now);
		if (sourceWait.isPresent()) {
			return new Decision(null, sourceWait.get());
		}
		var pairWait = new Duration[1];
		pairs.compute(pair, (key, counted) -> {
			var before = counted == null || counted.last().plus(properties.window()).plus(properties.maxDelay()).isBefore(now)
					? null : counted;
			var wait = before == null ? Duration.ZERO : wait(before, now);
			if (!wait.isZero()) {
				pairWait[0] = wait;
				return before;
			}
			return new Pair(before == null ? 1 : before.failures() + 1, now);
		});
		if (pairWait[0] != null) {
			forget(sources, source, now);
			return new Decision(null, pairWait[0]);
		}
		boolean underAttack = count(accounts, account, Integer.MAX_VALUE, now).isEmpty()
				&& failures(accounts, account) > properties.maxFailuresPerAccount();
		return new Decision(new Attempt(pair, source, account, now, underAttack ? properties.accountDelay() : Duration.ZERO),
				null);
	}

	/**
	 * What {@link #attempt} decided: an attempt to make, or a wait.
	 *
	 * @param attempt the attempt let through, or {@code null}
	 * @param retryAfter how long to wait, or {@code null}
	 */
	record Decision(Attempt attempt, Duration retryAfter) {

		Optional<Duration> refused() {
			return Optional.ofNullable(retryAfter);
		}

	}

	/** How long after its last counted failure a pair must wait before its next attempt; zero when it need not. */
	private Duration wait(Pair pair, Instant now) {
		int over = pair.failures() - properties.freeFailures();
		if (over < 0) {
			return Duration.ZERO;
		}
		var delay = Duration.ofSeconds(1L << Math.min(over, 30));
		if (delay.compareTo(properties.maxDelay()) > 0) {
			delay = properties.maxDelay();
		}
		var wait = Duration.between(now, pair.last().plus(delay));
		return wait.isNegative() ? Duration.ZERO : wait;
	}

	/**
	 * Counts a failure under the key unless {@code max} failures are already within the window; answers the wait
	 * until the oldest leaves it in that case.
	 */
	private Optional<Duration> count(ConcurrentMap<String, Deque<Instant>> counts, String key, int max, Instant now) {
		var wait = new Duration[1];
		counts.compute(key, (k, times) -> {
			var kept = times == null ? new ArrayDeque<Instant>() : times;
			var oldest = now.minus(properties.window());
			while (!kept.isEmpty() && !kept.peekFirst().isAfter(oldest)) {
				kept.removeFirst();
			}
			if (kept.size() >= max) {
				var until = Duration.between(now, kept.peekFirst().plus(properties.window()));
				wait[0] = until.isNegative() ? Duration.ZERO : until;
			}
			else {
				kept.addLast(now);
			}
			return kept;
		});
		return Optional.ofNullable(wait[0]);
	}

	private static int failures(ConcurrentMap<String, Deque<Instant>> counts, String key) {
		var size = new int[1];
		counts.computeIfPresent(key, (k, times) -> {
			size[0] = times.size();
			return times;
		});
		return size[0];
	}

	private static void forget(ConcurrentMap<String, Deque<Instant>> counts, String key, Instant at) {
		counts.computeIfPresent(key, (k, times) -> {
			times.removeLastOccurrence(at);
			return times;
		});
	}

	private static String account(String username) {
		var name = username == null ? "" : username.toLowerCase(Locale.ROOT);
		return "account:" + (name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name);
	}

}
