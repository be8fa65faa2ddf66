package io.catalog.launcher.job;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.catalog.launcher.LauncherProperties;

/**
 * A running Jupyter session's address with its token, for the job's owner only: {@code GET /api/v1/sessions/{id}}
 * with the owner's catalog token ({@code Authorization: Bearer ...}), which the catalog is asked whom it stands for.
 * Anyone else is refused (403), and so is a caller without a token the catalog accepts (401); a job with no running
 * session here is 404. The catalog passes its callers' requests on to it ({@code /api/v4/sessions/{id}}).
 */
@RestController
class SessionController {

	static final String PATH = "/api/v1/sessions/{id}";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Sessions sessions;

	private final URI self;

	private final ObjectMapper mapper = new ObjectMapper();

	SessionController(Sessions sessions, LauncherProperties properties) {
		this.sessions = sessions;
		this.self = URI.create(properties.catalog().url().replaceAll("/+$", "") + "/api/v3/users/my/self");
	}

	@GetMapping(PATH)
	Map<String, String> session(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization)
			throws IOException, InterruptedException {
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			throw refusal(HttpStatus.UNAUTHORIZED, "a Jupyter session's address is given to its owner, signed in");
		}
		var session = sessions.find(id)
			.orElseThrow(() -> refusal(HttpStatus.NOT_FOUND, "job " + id + " has no running Jupyter session here"));
		var answer = HTTP.send(HttpRequest.newBuilder(self).timeout(Duration.ofSeconds(10))
			.header(HttpHeaders.AUTHORIZATION, authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() != 200) {
			throw refusal(HttpStatus.UNAUTHORIZED, "the catalog does not accept the token");
		}
		var username = mapper.readTree(answer.body()).path("username").asText(null);
		if (username == null || !username.equals(session.ownerUser())) {
			throw refusal(HttpStatus.FORBIDDEN, "only the job's owner gets its Jupyter session's address");
		}
		return Map.of("url", session.url());
	}

	private static ErrorResponseException refusal(HttpStatus status, String detail) {
		return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
	}

}
