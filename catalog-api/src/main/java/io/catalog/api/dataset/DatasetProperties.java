package io.catalog.api.dataset;

import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How datasets are named and checked.
 *
 * @param pidPrefix the prefix of generated pids ({@code PID_PREFIX}); a pid is {@code <prefix>/<uuid>}
 * @param creationValidationEnabled whether client-chosen pids must match the pattern ({@code DATASET_CREATION_VALIDATION_ENABLED})
 * @param creationValidationRegex the pattern ({@code DATASET_CREATION_VALIDATION_REGEX})
 * @param typesFile SciCat's dataset types file ({@code DATASET_TYPES_FILE}); when it exists, only {@code raw},
 * {@code derived} and its types are taken, else any type
 * @param metadataSchemaHosts hosts whose JSON Schemas a dataset's {@code scientificMetadataSchema} may name to be
 * fetched ({@code SCIENTIFIC_METADATA_SCHEMA_HOSTS}); the JSON Schema meta-schemas need none
 * @param policyRetentionShift years from a dataset's creation to its lifecycle's {@code archiveRetentionTime}
 * ({@code POLICY_RETENTION_SHIFT})
 * @param policyPublicationShift years from a dataset's creation to its lifecycle's {@code dateOfPublishing}
 * ({@code POLICY_PUBLICATION_SHIFT})
 */
@ConfigurationProperties("catalog.dataset")
public record DatasetProperties(String pidPrefix, boolean creationValidationEnabled, String creationValidationRegex,
		String typesFile, java.util.Set<String> metadataSchemaHosts, int policyRetentionShift, int policyPublicationShift) {

	Pattern pidPattern() {
		return creationValidationEnabled && creationValidationRegex != null && !creationValidationRegex.isBlank()
				? Pattern.compile(creationValidationRegex) : null;
	}

	/** A new pid: {@code <prefix>/<uuid>}, or the bare uuid without a prefix (shared with other pid-named kinds). */
	public String newPid(String uuid) {
		if (pidPrefix == null || pidPrefix.isBlank()) {
			return uuid;
		}
		var prefix = pidPrefix.endsWith("/") ? pidPrefix.substring(0, pidPrefix.length() - 1) : pidPrefix;
		return prefix + "/" + uuid;
	}

}
