package io.catalog.api.job;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * SciCat's {@code log} action: three templates, {@code init} (logged once when the configuration is read, over the
 * action's own options), {@code validate} (before the write) and {@code perform} (after it; by default
 * "Performing job for" the job's type). An empty message is not logged.
 */
final class LogAction implements JobType.Action {

	private static final Logger log = LoggerFactory.getLogger(LogAction.class);

	private final JobTemplates.Template validate;

	private final JobTemplates.Template perform;

	LogAction(Map<String, Object> options, JobTemplates templates) {
		ActionOptions.allowOnly(options, "actionType", "init", "validate", "perform");
		var init = templates.compile(ActionOptions.text(options, "init", ""));
		validate = templates.compile(ActionOptions.text(options, "validate", ""));
		perform = templates.compile(ActionOptions.text(options, "perform", "Performing job for {{{ job.type }}}"));
		logNonEmpty(init.render(options));
	}

	@Override
	public Mono<Void> validate(JobContext context) {
		return Mono.fromRunnable(() -> logNonEmpty(validate.render(context.model())));
	}

	@Override
	public Mono<Void> perform(JobContext context) {
		return Mono.fromRunnable(() -> logNonEmpty(perform.render(context.model())));
	}

	private static void logNonEmpty(String message) {
		if (!message.isEmpty()) {
			log.info("{}", message);
		}
	}

}
