package io.catalog.api.job;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import io.catalog.api.web.FieldError;
import io.catalog.api.web.Problems;

/** The job refusals worded as SciCat words them (its clients and tests read {@code message}), with the field at fault. */
final class JobProblems {

	private JobProblems() {
	}

	/** A 400 whose message is SciCat's and whose {@code errors} name the field. */
	static ErrorResponseException badRequest(String field, String message) {
		return of(HttpStatus.BAD_REQUEST, field, message);
	}

	/** A 403 for an owner the caller may not give the job, naming the field. */
	static ErrorResponseException forbidden(String field, String message) {
		return of(HttpStatus.FORBIDDEN, field, message);
	}

	/** A 422 for a job that could be made, were it complete (an anonymous job without a contact). */
	static ErrorResponseException unprocessable(String field, String message) {
		return of(HttpStatus.UNPROCESSABLE_ENTITY, field, message);
	}

	private static ErrorResponseException of(HttpStatus status, String field, String message) {
		var problem = Problems.of(status, message);
		problem.getBody().setProperty("errors", List.of(new FieldError(field, message)));
		return problem;
	}

}
