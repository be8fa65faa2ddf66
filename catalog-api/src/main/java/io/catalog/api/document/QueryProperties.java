package io.catalog.api.document;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Paging of list queries.
 *
 * @param defaultLimit page size when a filter names none
 * @param maxLimit the largest page a filter may ask for
 */
@ConfigurationProperties("catalog.query")
public record QueryProperties(Integer defaultLimit, Integer maxLimit) {

	public QueryProperties {
		defaultLimit = defaultLimit == null ? 100 : defaultLimit;
		maxLimit = maxLimit == null ? 10_000 : maxLimit;
	}

}
