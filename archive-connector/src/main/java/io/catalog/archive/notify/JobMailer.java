package io.catalog.archive.notify;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.catalog.archive.archive.Outcome;
import io.catalog.archive.catalog.Catalog;
import io.catalog.sdk.model.Policy;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Mails the end of a job to those the policies of its datasets' groups name, as SciCat's policies say: for an archive
 * job when the policy's {@code archiveEmailNotification} is set, to its {@code archiveEmailsToBeNotified}; for a
 * retrieve job likewise with {@code retrieveEmailNotification} and {@code retrieveEmailsToBeNotified}; the job's
 * {@code contactEmail} too whenever one policy asks for mail. Off without {@code SMTP_HOST}; a mail that cannot be
 * sent is logged and never fails the job.
 */
public final class JobMailer {

	private static final Logger log = LoggerFactory.getLogger(JobMailer.class);

	private final Catalog catalog;

	private final Session session;

	private final String from;

	public JobMailer(Catalog catalog, String host, int port, boolean secure, String from) {
		this.catalog = catalog;
		this.from = from == null || from.isBlank() ? "archive-connector@localhost" : from;
		if (host == null || host.isBlank()) {
			this.session = null;
			return;
		}
		var properties = new Properties();
		properties.put("mail.smtp.host", host);
		properties.put("mail.smtp.port", String.valueOf(port));
		properties.put("mail.smtp.connectiontimeout", "10000");
		properties.put("mail.smtp.timeout", "10000");
		if (secure) {
			properties.put("mail.smtp.ssl.enable", "true");
		}
		this.session = Session.getInstance(properties);
	}

	/** Sends the job's end to whom its datasets' policies name, if anyone. */
	public void jobEnded(String jobId, String type, String contactEmail, String status, String message,
			List<Outcome> outcomes) {
		if (session == null || outcomes.isEmpty()) {
			return;
		}
		try {
			var recipients = recipients(type, contactEmail, outcomes);
			if (recipients.isEmpty()) {
				return;
			}
			var mail = new MimeMessage(session);
			mail.setFrom(new InternetAddress(from));
			for (var recipient : recipients) {
				mail.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
			}
			mail.setSubject("%s job %s: %s".formatted(type, jobId, status));
			var body = new StringBuilder(message).append("\n\n");
			outcomes.forEach(outcome -> body.append(outcome.pid()).append(": ").append(outcome.message()).append('\n'));
			mail.setText(body.toString());
			Transport.send(mail);
			log.info("mailed the end of job {} to {}", jobId, recipients);
		}
		catch (MessagingException | RuntimeException ex) {
			log.warn("cannot mail the end of job {}: {}", jobId, ex.getMessage());
		}
	}

	private Set<String> recipients(String type, String contactEmail, List<Outcome> outcomes) {
		var groups = new LinkedHashSet<String>();
		for (var outcome : outcomes) {
			var group = catalog.dataset(outcome.pid()).getOwnerGroup();
			if (group != null) {
				groups.add(group);
			}
		}
		var recipients = new LinkedHashSet<String>();
		for (var policy : catalog.policies(List.copyOf(groups))) {
			boolean archive = "archive".equals(type);
			if (Boolean.TRUE.equals(archive ? policy.getArchiveEmailNotification() : policy.getRetrieveEmailNotification())) {
				recipients.addAll(emails(policy, archive));
				if (contactEmail != null && !contactEmail.isBlank()) {
					recipients.add(contactEmail);
				}
			}
		}
		return recipients;
	}

	private static List<String> emails(Policy policy, boolean archive) {
		var emails = archive ? policy.getArchiveEmailsToBeNotified() : policy.getRetrieveEmailsToBeNotified();
		return emails == null ? List.of() : emails.stream().filter(email -> email != null && !email.isBlank()).toList();
	}

}
