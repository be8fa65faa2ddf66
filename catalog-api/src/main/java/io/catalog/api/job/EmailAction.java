package io.catalog.api.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * SciCat's {@code email} action: after the write, mails {@code to} with {@code subject} and the HTML of
 * {@code bodyTemplateFile}, all templates over the job context, from {@code from} or {@code EMAIL_FROM}. A template
 * that fails fails the request unless {@code ignoreErrors} is set; a mail server that refuses is logged, as in
 * SciCat. A template file that cannot be read is reported at start and fails each mail of this action.
 */
final class EmailAction implements JobType.Action {

	private static final Logger log = LoggerFactory.getLogger(EmailAction.class);

	private final JobMailer mailer;

	private final JobTemplates.Template to;

	private final JobTemplates.Template subject;

	private final JobTemplates.Template body;

	private final String bodyProblem;

	private final String from;

	private final boolean ignoreErrors;

	EmailAction(Map<String, Object> options, JobTemplates templates, JobMailer mailer, Path configDirectory) {
		ActionOptions.allowOnly(options, "actionType", "to", "from", "subject", "bodyTemplateFile", "ignoreErrors");
		this.mailer = mailer;
		to = templates.compile(ActionOptions.required(options, "to"));
		subject = templates.compile(ActionOptions.required(options, "subject"));
		from = ActionOptions.text(options, "from", null);
		ignoreErrors = ActionOptions.flag(options, "ignoreErrors");
		var file = ActionOptions.required(options, "bodyTemplateFile");
		var path = locate(file, configDirectory);
		JobTemplates.Template read = null;
		String problem = null;
		try {
			read = templates.compile(Files.readString(path));
		}
		catch (IOException ex) {
			problem = "email body template " + path + " cannot be read: " + ex;
			log.warn("Job configuration: {}; this email action will fail when it runs", problem);
		}
		body = read;
		bodyProblem = problem;
	}

	/** A relative file is looked for in the working directory (as SciCat does), then beside the configuration. */
	private static Path locate(String file, Path configDirectory) {
		var path = Path.of(file);
		if (path.isAbsolute() || Files.exists(path) || configDirectory == null) {
			return path;
		}
		var beside = configDirectory.resolve(file);
		return Files.exists(beside) ? beside : path;
	}

	@Override
	public Mono<Void> perform(JobContext context) {
		return Mono.defer(() -> {
			JobMailer.Mail mail;
			try {
				if (body == null) {
					throw new IllegalStateException(bodyProblem);
				}
				var model = context.model();
				mail = new JobMailer.Mail(from, to.render(model), subject.render(model), body.render(model));
			}
			catch (RuntimeException ex) {
				log.warn("(Job {}) email: template error: {}", context.jobId(), ex.getMessage());
				return ignoreErrors ? Mono.empty() : Mono.error(new IllegalStateException(
						"Job " + context.jobId() + " unable to perform action 'email' due to " + ex.getMessage(), ex));
			}
			return mailer.send(mail).onErrorResume(ex -> {
				log.warn("(Job {}) email to {} failed: {}", context.jobId(), mail.to(), ex.toString());
				return Mono.empty();
			});
		});
	}

}
