package io.catalog.api.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * An attempt counts against the limits the moment it is let through (a success takes it back), so that parallel
 * attempts cannot slip past a limit between the check and the count; one held back only by attempts still being
 * decided is told to ask again shortly, so that parallel sign-ins with the right password all get in. Kept in
 * memory, bounded: each replica throttles on its own.
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

	/**
	 * The failures of one account from one address, when the last was counted, and the attempts still being decided
	 * (each of them may yet be a failure, so they count against the limit meanwhile).
	 */
	private record Pair(int failures, int pending, Instant last) {

		Pair settled(boolean failed, Instant now) {
			return new Pair(failures + (failed ? 1 : 0), Math.max(0, pending - 1), failed ? now : last);
		}

	}

	/**
	 * An attempt let through and counted as failed until it is settled: tell it how it ended, exactly once.
	 */
	final class Attempt {

		private final String pair;

		private final String source;

		private final String account;

		private final Instant at;

		private final Duration pause;

		private final AtomicBoolean open = new AtomicBoolean(true);

		private Attempt(String pair, String source, String account, Instant at, Duration pause) {
			this.pair = pair;
			this.source = source;
			this.account = account;
			this.at = at;
			this.pause = pause;
		}

		/** How long to hold the answer back (the account is under attack); zero mostly. */
		Duration pause() {
			return pause;
		}

		/** The password was right: the attempt no longer counts, and its address's failures on the account are cleared. */
		void succeeded() {
			if (open.compareAndSet(true, false)) {
				pairs.computeIfPresent(pair, (key, counted) -> counted.pending() > 1
						? new Pair(0, counted.pending() - 1, counted.last()) : null);
				forget(sources, source, at);
				forget(accounts, account, at);
			}
		}

		/** The password was wrong: the attempt counts as a failure. */
		void failed() {
			if (open.compareAndSet(true, false)) {
				var now = clock.instant();
				pairs.compute(pair, (key, counted) -> counted == null ? new Pair(1, 0, now) : counted.settled(true, now));
			}
		}

		/** The attempt was not decided (the catalog was too busy, the client went away): it does not count. */
		void withdrawn() {
			if (open.compareAndSet(true, false)) {
				pairs.computeIfPresent(pair, (key, counted) -> counted.settled(false, counted.last()));
				forget(sources, source, at);
				forget(accounts, account, at);
			}
		}

	}

	/**
	 * Lets an attempt through, counting it until it is settled; or answers how long the caller must wait before
	 * trying again; or, when only attempts still being decided stand in the way, that it should ask again shortly.
	 */
	Decision attempt(String username, String address) {
		var now = clock.instant();
		var account = account(username);
		var source = "source:" + address;
		var pair = account + "|" + source;
		var sourceWait = count(sources, source, properties.maxFailuresPerSource(), now);
		if (sourceWait.isPresent()) {
			return new Decision(null, sourceWait.get(), false);
		}
		var refusal = new Duration[1];
		var busy = new boolean[1];
		pairs.compute(pair, (key, counted) -> {
			var before = counted == null || counted.pending() == 0
					&& counted.last().plus(properties.window()).plus(properties.maxDelay()).isBefore(now)
					? new Pair(0, 0, now) : counted;
			var wait = wait(before, now);
			if (!wait.isZero()) {
				refusal[0] = wait;
				return counted;
			}
			int inFlight = Math.max(1, properties.freeFailures() - before.failures());
			if (before.pending() >= inFlight) {
				busy[0] = true;
				return counted;
			}
			return new Pair(before.failures(), before.pending() + 1, before.last());
		});
		if (refusal[0] != null || busy[0]) {
			forget(sources, source, now);
			return new Decision(null, refusal[0], busy[0]);
		}
		boolean underAttack = count(accounts, account, properties.maxFailuresPerAccount(), now).isPresent();
		return new Decision(new Attempt(pair, source, account, now, underAttack ? properties.accountDelay() : Duration.ZERO),
				null, false);
	}

	/**
	 * What {@link #attempt} decided: an attempt to make, a wait, or to ask again shortly.
	 *
	 * @param attempt the attempt let through, or {@code null}
	 * @param retryAfter how long to wait, or {@code null}
	 * @param busy whether attempts of the same account and address still being decided hold this one back
	 */
	record Decision(Attempt attempt, Duration retryAfter, boolean busy) {

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
