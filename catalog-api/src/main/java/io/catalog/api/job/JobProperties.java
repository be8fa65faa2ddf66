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
 * @param email the mail server of {@code email} actions
 * @param rabbitmq the broker of {@code rabbitmq} actions
 */
@ConfigurationProperties("catalog.jobs")
public record JobProperties(String configurationFile, List<String> createJobPrivilegedGroups,
		List<String> updateJobPrivilegedGroups, List<String> deleteJobGroups, String defaultStatusCode,
		String defaultStatusMessage, Email email, Rabbitmq rabbitmq) {

	public JobProperties {
		createJobPrivilegedGroups = clean(createJobPrivilegedGroups);
		updateJobPrivilegedGroups = clean(updateJobPrivilegedGroups);
		deleteJobGroups = clean(deleteJobGroups);
		defaultStatusCode = blank(defaultStatusCode) ? "jobSubmitted" : defaultStatusCode;
		defaultStatusMessage = blank(defaultStatusMessage) ? "Job submitted." : defaultStatusMessage;
		email = email == null ? new Email(null, null, null, null, null, null) : email;
		rabbitmq = rabbitmq == null ? new Rabbitmq(null, null, null, null, null) : rabbitmq;
	}

	/**
	 * The mail server of {@code email} job actions (SciCat's names).
	 *
	 * @param type {@code EMAIL_TYPE}: {@code smtp} (the default; SciCat's {@code ms365} is not supported)
	 * @param from the sender when an action names none ({@code EMAIL_FROM}, or {@code SMTP_MESSAGE_FROM})
	 * @param replyTo the Reply-To address ({@code EMAIL_REPLYTO})
	 * @param smtpHost {@code SMTP_HOST}, localhost when unset
	 * @param smtpPort {@code SMTP_PORT}, 587 when unset
	 * @param smtpSecure {@code SMTP_SECURE}: {@code yes} for SMTP over TLS
	 */
	public record Email(String type, String from, String replyTo, String smtpHost, Integer smtpPort, String smtpSecure) {

		public Email {
			type = blank(type) ? "smtp" : type.trim();
			smtpHost = blank(smtpHost) ? "localhost" : smtpHost.trim();
			smtpPort = smtpPort == null ? 587 : smtpPort;
		}

		boolean secure() {
			return "yes".equalsIgnoreCase(smtpSecure);
		}

	}

	/**
	 * The broker of {@code rabbitmq} job actions (SciCat's names); all are needed once {@code rabbitmq} actions are
	 * configured.
	 *
	 * @param enabled {@code RABBITMQ_ENABLED}: {@code yes} to allow {@code rabbitmq} actions
	 * @param hostname {@code RABBITMQ_HOSTNAME}
	 * @param port {@code RABBITMQ_PORT}
	 * @param username {@code RABBITMQ_USERNAME}
	 * @param password {@code RABBITMQ_PASSWORD}
	 */
	public record Rabbitmq(String enabled, String hostname, Integer port, String username, String password) {

		boolean isEnabled() {
			return "yes".equalsIgnoreCase(enabled == null ? "" : enabled.trim());
		}

	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static List<String> clean(List<String> groups) {
		return groups == null ? List.of() : groups.stream().map(String::trim).filter(g -> !g.isEmpty()).toList();
	}

}
