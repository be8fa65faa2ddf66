package io.catalog.api.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How failed local sign-ins are throttled.
 *
 * @param maxFailuresPerAccount failed sign-ins for one account within the window before it is refused with 429
 * ({@code LOGIN_MAX_FAILURES_PER_ACCOUNT})
 * @param maxFailuresPerSource failed sign-ins from one address within the window before it is refused with 429
 * ({@code LOGIN_MAX_FAILURES_PER_SOURCE})
 * @param window how far back failures count ({@code LOGIN_FAILURE_WINDOW})
 */
@ConfigurationProperties("catalog.auth.login")
public record LoginProperties(int maxFailuresPerAccount, int maxFailuresPerSource, Duration window) {

	public LoginProperties {
		maxFailuresPerAccount = maxFailuresPerAccount <= 0 ? 5 : maxFailuresPerAccount;
		maxFailuresPerSource = maxFailuresPerSource <= 0 ? 50 : maxFailuresPerSource;
		window = window == null ? Duration.ofMinutes(15) : window;
	}

}
