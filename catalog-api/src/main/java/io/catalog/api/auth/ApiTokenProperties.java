package io.catalog.api.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on API tokens.
 *
 * @param defaultLifetime how long a token lives when its request names no expiry ({@code API_TOKEN_DEFAULT_LIFETIME})
 * @param maxLifetime the longest a token may live ({@code API_TOKEN_MAX_LIFETIME}); a later expiry is refused
 * @param maxPerAccount how many tokens one account may hold at once ({@code API_TOKEN_MAX_PER_ACCOUNT})
 */
@ConfigurationProperties("catalog.auth.api-tokens")
public record ApiTokenProperties(Duration defaultLifetime, Duration maxLifetime, int maxPerAccount) {

	public ApiTokenProperties {
		defaultLifetime = defaultLifetime == null ? Duration.ofDays(90) : defaultLifetime;
		maxLifetime = maxLifetime == null ? Duration.ofDays(365) : maxLifetime;
		maxPerAccount = maxPerAccount <= 0 ? 20 : maxPerAccount;
		if (defaultLifetime.compareTo(maxLifetime) > 0) {
			throw new IllegalArgumentException("API_TOKEN_DEFAULT_LIFETIME (" + defaultLifetime
					+ ") is longer than API_TOKEN_MAX_LIFETIME (" + maxLifetime + ")");
		}
	}

}
