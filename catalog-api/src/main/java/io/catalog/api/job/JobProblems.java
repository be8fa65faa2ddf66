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
		var problem = Problems.of(HttpStatus.BAD_REQUEST, message);
		problem.getBody().setProperty("errors", List.of(new FieldError(field, message)));
		return problem;
	}

}
