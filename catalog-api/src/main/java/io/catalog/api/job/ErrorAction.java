package io.catalog.api.job;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;

import io.catalog.api.web.Problems;

/**
 * SciCat's {@code error} action: refuses the request before anything is written, with its templated
 * {@code message} and its {@code status} (400 by default). Mostly a {@code switch} case's answer.
 */
final class ErrorAction implements JobType.Action {

	private static final Logger log = LoggerFactory.getLogger(ErrorAction.class);

	private final JobTemplates.Template message;

	private final HttpStatus status;

	ErrorAction(Map<String, Object> options, JobTemplates templates) {
		ActionOptions.allowOnly(options, "actionType", "message", "status");
		message = templates.compile(ActionOptions.required(options, "message"));
		var code = options.get("status");
		if (code != null && !(code instanceof Number)) {
			throw new IllegalArgumentException("error: status must be a number");
		}
		status = code == null ? HttpStatus.BAD_REQUEST : HttpStatus.resolve(((Number) code).intValue());
		if (status == null || !status.isError()) {
			throw new IllegalArgumentException("error: status " + code + " is not an HTTP error status");
		}
	}

	@Override
	public Mono<Void> validate(JobContext context) {
		return Mono.defer(() -> {
			var text = message.render(context.model());
			log.warn("Job error action [{}]: {}", status.value(), text);
			return Mono.error(Problems.of(status, text));
		});
	}

}
