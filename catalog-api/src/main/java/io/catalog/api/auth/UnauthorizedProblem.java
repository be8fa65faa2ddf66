package io.catalog.api.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;

/** Writes a 401 as a problem detail from the security filters, which answer before any handler runs. */
final class UnauthorizedProblem {

	private UnauthorizedProblem() {
	}

	static Mono<Void> write(ServerWebExchange exchange, ObjectMapper mapper, String detail) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
		problem.setProperty("statusCode", 401);
		problem.setProperty("message", "Unauthorized");
		var response = exchange.getResponse();
		response.setStatusCode(HttpStatus.UNAUTHORIZED);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return Mono.fromCallable(() -> response.bufferFactory().wrap(mapper.writeValueAsBytes(problem)))
			.flatMap(buffer -> response.writeWith(Mono.just(buffer)));
	}

}
