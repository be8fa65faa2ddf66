package io.catalog.api.publisheddata;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How published data is named and checked.
 *
 * @param doiPrefix the prefix of generated DOIs ({@code DOI_PREFIX}); a DOI is {@code <prefix>/<uuid>}
 * @param configFile SciCat's published-data configuration ({@code PUBLISHED_DATA_CONFIG_FILE}): the JSON Schema a
 * publication's metadata must meet before it is published or registered, and the form the frontend draws from it;
 * when the file is missing, {@code publishedDataConfig.example.json} beside it is read, as SciCat does
 */
@ConfigurationProperties("catalog.published-data")
record PublishedDataProperties(String doiPrefix, String configFile) {

	String newDoi(String uuid) {
		if (doiPrefix == null || doiPrefix.isBlank()) {
			return uuid;
		}
		var prefix = doiPrefix.endsWith("/") ? doiPrefix.substring(0, doiPrefix.length() - 1) : doiPrefix;
		return prefix + "/" + uuid;
	}

}
