package io.catalog.api.tool;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.catalog.api.access.Caller;
import io.catalog.api.web.Problems;

/**
 * {@code /api/v4/sessions/{id}}: a running Jupyter session's address with its token, which only the job's owner gets.
 * The job itself holds the address without the token (its owner group reads it, and it travels in the catalog's
 * events); the launcher keeps the token and gives it to the caller whose catalog token stands for the job's owner
 * ({@code Authorization} is passed on to it; others get 403, a session that no longer runs 404).
 */
@RestController
@Tag(name = "Tools")
@RequestMapping("/api/v4/sessions")
class SessionController {

	private final LauncherClient launcher;

	SessionController(LauncherClient launcher) {
		this.launcher = launcher;
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getSession", summary = "A running Jupyter session's address with its token, for the job's owner only")
	Mono<ResponseEntity<Object>> session(@PathVariable String id, Caller caller,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		if (!caller.authenticated() || authorization == null) {
			return Mono.error(Problems.unauthorized());
		}
		if (!launcher.configured()) {
			return Mono.error(Problems.notFound("Session", id));
		}
		return launcher.relay("/api/v1/sessions/{id}", null, authorization, id);
	}

}
