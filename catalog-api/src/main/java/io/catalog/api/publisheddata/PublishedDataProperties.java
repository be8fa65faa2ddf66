package io.catalog.api.publisheddata;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How published data is named.
 *
 * @param doiPrefix the prefix of generated DOIs ({@code DOI_PREFIX}); a DOI is {@code <prefix>/<uuid>}
 */
@ConfigurationProperties("catalog.published-data")
record PublishedDataProperties(String doiPrefix) {

	String newDoi(String uuid) {
		if (doiPrefix == null || doiPrefix.isBlank()) {
			return uuid;
		}
		var prefix = doiPrefix.endsWith("/") ? doiPrefix.substring(0, doiPrefix.length() - 1) : doiPrefix;
		return prefix + "/" + uuid;
	}

}
