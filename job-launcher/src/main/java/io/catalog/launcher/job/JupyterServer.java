package io.catalog.launcher.job;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A running jupyter-server as the launcher asks it: {@code GET /api/status} with the session's token answers
 * {@code last_activity} (which the server's own status route does not move), {@code started}, {@code kernels} and
 * {@code connections}.
 *
 * @param base its address, {@code http://127.0.0.1:<port>}
 * @param token its token
 */
record JupyterServer(String base, String token) {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * What the server says of itself.
	 *
	 * @param lastActivity when it last saw a request, a kernel or a terminal do something
	 * @param kernels kernels running
	 * @param connections clients connected to kernels
	 */
	record Status(Instant lastActivity, int kernels, int connections) {
	}

	/** Its status; empty while it does not answer (starting, or gone). */
	Optional<Status> status() {
		try {
			var answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/status"))
				.header("Authorization", "token " + token).timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() != 200) {
				return Optional.empty();
			}
			var node = JSON.readTree(answer.body());
			return Optional.of(new Status(Instant.parse(node.path("last_activity").asText()), node.path("kernels").asInt(),
					node.path("connections").asInt()));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

}
