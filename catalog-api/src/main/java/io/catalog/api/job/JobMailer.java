package io.catalog.api.job;

import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends the mails of {@code email} job actions over SMTP, configured by SciCat's variables ({@code SMTP_HOST},
 * {@code SMTP_PORT}, {@code SMTP_SECURE}, {@code EMAIL_FROM}, {@code EMAIL_REPLYTO}); the blocking send runs off
 * the event loop.
 */
final class JobMailer {

	private static final Logger log = LoggerFactory.getLogger(JobMailer.class);

	/** One mail: sender (null for the configured one), recipients (comma-separated), subject, HTML body. */
	record Mail(String from, String to, String subject, String html) {
	}

	private final JobProperties.Email settings;

	private final Session session;

	JobMailer(JobProperties.Email settings) {
		this.settings = settings;
		var props = new Properties();
		props.put("mail.smtp.host", settings.smtpHost());
		props.put("mail.smtp.port", String.valueOf(settings.smtpPort()));
		props.put("mail.smtp.connectiontimeout", "10000");
		props.put("mail.smtp.timeout", "30000");
		props.put("mail.smtp.writetimeout", "30000");
		if (settings.secure()) {
			props.put("mail.smtp.ssl.enable", "true");
		}
		session = Session.getInstance(props);
	}

	Mono<Void> send(Mail mail) {
		return Mono.<Void>fromCallable(() -> {
			var message = new MimeMessage(session);
			var sender = mail.from() != null ? mail.from() : settings.from();
			if (sender != null && !sender.isBlank()) {
				message.setFrom(new InternetAddress(sender));
			}
			if (settings.replyTo() != null && !settings.replyTo().isBlank()) {
				message.setReplyTo(InternetAddress.parse(settings.replyTo()));
			}
			message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to()));
			message.setSubject(mail.subject(), "UTF-8");
			message.setContent(mail.html(), "text/html; charset=UTF-8");
			try {
				Transport.send(message);
			}
			catch (MessagingException ex) {
				throw new IllegalStateException("SMTP " + settings.smtpHost() + ":" + settings.smtpPort() + ": " + ex.getMessage(), ex);
			}
			log.info("Sent job mail to {}", mail.to());
			return null;
		}).subscribeOn(Schedulers.boundedElastic()).then();
	}

}
