package io.catalog.api.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.web.server.ServerWebExchange;

/** Writes a 401 as a problem detail from the security filters, which answer before any handler runs. */
final class UnauthorizedProblem {

	private UnauthorizedProblem() {
	}

	/**
	 * Whether authentication failed because a JWT expired (Spring's timestamp check), which SciCat's clients tell
	 * from any other failure by the message {@code SESSION_EXPIRED} and answer by signing in again.
	 */
	static boolean expired(AuthenticationException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JwtValidationException invalid && invalid.getErrors().stream()
				.anyMatch(error -> error.getDescription() != null && error.getDescription().startsWith("Jwt expired"))) {
				return true;
			}
		}
		return false;
	}

	/** Writes the 401 with the problem's {@code detail} and SciCat's {@code message}. */
	static Mono<Void> write(ServerWebExchange exchange, ObjectMapper mapper, String detail, String message) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
		problem.setProperty("statusCode", 401);
		problem.setProperty("message", message);
		var response = exchange.getResponse();
		response.setStatusCode(HttpStatus.UNAUTHORIZED);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return Mono.fromCallable(() -> response.bufferFactory().wrap(mapper.writeValueAsBytes(problem)))
			.flatMap(buffer -> response.writeWith(Mono.just(buffer)));
	}

}
