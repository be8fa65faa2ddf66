package io.catalog.api.web;

import com.mongodb.MongoWriteException;
import com.mongodb.ErrorCategory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/**
 * Turns every refusal into an RFC 9457 problem detail. Each one also carries NestJS's {@code statusCode} and
 * {@code message}, which SciCat clients print; a 400 lists the fields at fault under {@code errors}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalid(InvalidInputException ex) {
		var problem = problem(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setProperty("errors", ex.errors());
		return respond(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadable(ServerWebInputException ex) {
		var cause = ex.getMostSpecificCause();
		String detail = cause instanceof DecodingException || cause != ex ? "request body is not valid JSON of the expected shape: "
				+ firstLine(cause.getMessage()) : firstLine(ex.getReason());
		if (ex.getMethodParameter() != null && ex.getMethodParameter().getParameterName() != null
				&& !(cause instanceof DecodingException)) {
			detail = ex.getMethodParameter().getParameterName() + ": " + firstLine(ex.getReason());
		}
		return respond(problem(HttpStatus.BAD_REQUEST, detail));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(ErrorResponseException ex) {
		var body = ex.getBody();
		var status = HttpStatus.valueOf(ex.getStatusCode().value());
		var problem = problem(status, body.getDetail() != null ? body.getDetail() : status.getReasonPhrase());
		if (body.getProperties() != null) {
			body.getProperties().forEach(problem::setProperty);
		}
		return ResponseEntity.status(status).headers(ex.getHeaders()).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> writeFailed(MongoWriteException ex) {
		if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
			return respond(problem(HttpStatus.CONFLICT, "a document with this unique key already exists"));
		}
		log.error("Write failed", printable(ex));
		return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "the store refused the write"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> failed(Exception ex) {
		log.error("Request failed", printable(ex));
		return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "the request failed inside the catalog"));
	}

	/**
	 * The exception as it may be logged: its message (client text, often) with line breaks and other control
	 * characters escaped, so that no request can write a line of its own into the log; the stack trace kept.
	 */
	static Throwable printable(Throwable ex) {
		var printable = new IllegalStateException(escape(ex.toString()), ex.getCause() == null ? null : printable(ex.getCause()));
		printable.setStackTrace(ex.getStackTrace());
		return printable;
	}

	static String escape(String text) {
		var escaped = new StringBuilder(Math.min(text.length(), 2_000) + 16);
		int i = 0;
		for (; i < text.length() && escaped.length() < 2_000; i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
				escaped.append(String.format("\\u%04x", (int) c));
			}
			else {
				escaped.append(c);
			}
		}
		return i < text.length() ? escaped.append("...").toString() : escaped.toString();
	}

	private static ProblemDetail problem(HttpStatus status, String detail) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		// RFC 9457: an absent type means about:blank; SciCat clients read a "type" member as a document's type
		problem.setType(null);
		problem.setProperty("statusCode", status.value());
		problem.setProperty("message", detail);
		problem.setProperty("error", status.getReasonPhrase());
		return problem;
	}

	/** Always as problem JSON, also where the route itself streams events (its producible type would win otherwise). */
	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static String firstLine(String text) {
		if (text == null) {
			return "malformed request";
		}
		int newline = text.indexOf('\n');
		return newline < 0 ? text : text.substring(0, newline);
	}

}
