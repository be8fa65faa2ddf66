package io.catalog.api.document;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Paging and limits of list queries.
 *
 * @param defaultLimit page size when a filter names none
 * @param maxLimit the largest page a filter may ask for
 * @param maxTime how long MongoDB may spend on one client query ({@code maxTimeMS}) before it gives up; the
 * embedded store ignores it (there, the pattern language keeps every query linear)
 */
@ConfigurationProperties("catalog.query")
public record QueryProperties(Integer defaultLimit, Integer maxLimit, Duration maxTime) {

	public QueryProperties {
		defaultLimit = defaultLimit == null ? 100 : defaultLimit;
		maxLimit = maxLimit == null ? 10_000 : maxLimit;
		maxTime = maxTime == null || maxTime.isNegative() || maxTime.isZero() ? Duration.ofSeconds(20) : maxTime;
	}

}
