package io.catalog.launcher.job;

import java.util.List;
import java.util.Map;

/**
 * A job the launcher will not run, with the reason: it ends {@code finishedUnsuccessful} with this message, and the
 * errors ({@code {field or parameter, reason}}) in its result.
 */
final class JobRefusal extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient List<Map<String, String>> errors;

	JobRefusal(String message, List<Map<String, String>> errors) {
		super(message);
		this.errors = List.copyOf(errors);
	}

	/** A refusal of one field of the job. */
	static JobRefusal field(String field, String reason) {
		return new JobRefusal(field + " " + reason, List.of(Map.of("field", field, "reason", reason)));
	}

	List<Map<String, String>> errors() {
		return errors;
	}

}
