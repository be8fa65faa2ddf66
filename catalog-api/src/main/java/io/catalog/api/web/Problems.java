package io.catalog.api.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The refusals handlers raise; each becomes an RFC 9457 problem detail. */
public final class Problems {

	private Problems() {
	}

	public static ErrorResponseException of(HttpStatus status, String detail) {
		return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
	}

	public static ErrorResponseException notFound(String what, Object id) {
		return of(HttpStatus.NOT_FOUND, what + " " + id + " not found");
	}

	public static ErrorResponseException forbidden(String detail) {
		return of(HttpStatus.FORBIDDEN, detail);
	}

	public static ErrorResponseException unauthorized() {
		return of(HttpStatus.UNAUTHORIZED, "sign in to do this");
	}

	public static ErrorResponseException conflict(String detail) {
		return of(HttpStatus.CONFLICT, detail);
	}

}
