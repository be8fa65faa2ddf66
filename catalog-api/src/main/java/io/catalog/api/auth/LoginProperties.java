package io.catalog.api.auth;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How failed local sign-ins are slowed down, and where a sign-in comes from.
 *
 * @param freeFailures failed sign-ins one address may make for one account before each further attempt from there
 * must wait, one second after the next failure and twice as long after each one more ({@code LOGIN_FREE_FAILURES})
 * @param maxDelay the longest such wait ({@code LOGIN_MAX_DELAY})
 * @param maxFailuresPerAccount failed sign-ins for one account, from anywhere, within the window after which every
 * attempt on it is answered only after {@code accountDelay}: never refused, so its owner still gets in
 * ({@code LOGIN_MAX_FAILURES_PER_ACCOUNT})
 * @param accountDelay that pause ({@code LOGIN_ACCOUNT_DELAY})
 * @param maxFailuresPerSource failed sign-ins from one address within the window before it is refused with 429
 * ({@code LOGIN_MAX_FAILURES_PER_SOURCE})
 * @param window how far back failures count ({@code LOGIN_FAILURE_WINDOW})
 * @param trustedProxies addresses or CIDR ranges of reverse proxies whose {@code X-Forwarded-For} (or
 * {@code Forwarded}) names the client ({@code TRUSTED_PROXIES}); without any, the connection's peer is the client
 * @param hashingThreads threads that check password hashes, off the request threads ({@code LOGIN_HASHING_THREADS};
 * default: the number of processors)
 * @param hashingQueue sign-ins that may wait for a hashing thread; beyond it they are refused with 503
 * ({@code LOGIN_HASHING_QUEUE})
 */
@ConfigurationProperties("catalog.auth.login")
public record LoginProperties(int freeFailures, Duration maxDelay, int maxFailuresPerAccount, Duration accountDelay,
		int maxFailuresPerSource, Duration window, List<String> trustedProxies, int hashingThreads, int hashingQueue) {

	public LoginProperties {
		freeFailures = freeFailures <= 0 ? 5 : freeFailures;
		maxDelay = maxDelay == null ? Duration.ofMinutes(15) : maxDelay;
		maxFailuresPerAccount = maxFailuresPerAccount <= 0 ? 5 : maxFailuresPerAccount;
		accountDelay = accountDelay == null ? Duration.ofSeconds(1) : accountDelay;
		maxFailuresPerSource = maxFailuresPerSource <= 0 ? 50 : maxFailuresPerSource;
		window = window == null ? Duration.ofMinutes(15) : window;
		trustedProxies = trustedProxies == null ? List.of()
				: trustedProxies.stream().map(String::trim).filter(proxy -> !proxy.isEmpty()).toList();
		hashingThreads = hashingThreads <= 0 ? Runtime.getRuntime().availableProcessors() : hashingThreads;
		hashingQueue = hashingQueue <= 0 ? 256 : hashingQueue;
	}

	/** The defaults. */
	static LoginProperties defaults() {
		return new LoginProperties(0, null, 0, null, 0, null, null, 0, 0);
	}

}
