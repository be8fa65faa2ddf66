package io.catalog.api.job;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How jobs are configured, by SciCat's environment variable names.
 *
 * @param configurationFile the YAML file of job types ({@code JOB_CONFIGURATION_FILE}); blank uses the built-in
 * types archive, retrieve and public
 * @param createJobPrivilegedGroups may create any job type for anyone ({@code CREATE_JOB_PRIVILEGED_GROUPS})
 * @param updateJobPrivilegedGroups may update any job ({@code UPDATE_JOB_PRIVILEGED_GROUPS})
 * @param deleteJobGroups may delete jobs ({@code DELETE_JOB_GROUPS})
 * @param defaultStatusCode a new job's status ({@code JOB_DEFAULT_STATUS_CODE})
 * @param defaultStatusMessage a new job's status message ({@code JOB_DEFAULT_STATUS_MESSAGE})
 */
@ConfigurationProperties("catalog.jobs")
public record JobProperties(String configurationFile, List<String> createJobPrivilegedGroups,
		List<String> updateJobPrivilegedGroups, List<String> deleteJobGroups, String defaultStatusCode,
		String defaultStatusMessage) {

	public JobProperties {
		createJobPrivilegedGroups = clean(createJobPrivilegedGroups);
		updateJobPrivilegedGroups = clean(updateJobPrivilegedGroups);
		deleteJobGroups = clean(deleteJobGroups);
		defaultStatusCode = blank(defaultStatusCode) ? "jobSubmitted" : defaultStatusCode;
		defaultStatusMessage = blank(defaultStatusMessage) ? "Job submitted." : defaultStatusMessage;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static List<String> clean(List<String> groups) {
		return groups == null ? List.of() : groups.stream().map(String::trim).filter(g -> !g.isEmpty()).toList();
	}

}
