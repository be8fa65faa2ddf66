package io.catalog.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small JSON client of the catalog under test, signed in as one account. */
final class Http {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10)).build();

	private final String base;

	private String token;

	Http(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	Http signIn(String username, String password) {
		var answer = send("POST", "/api/v3/auth/login", Map.of("username", username, "password", password), 201);
		token = (String) read(answer).get("id");
		return this;
	}

	/** Posts JSON and fails unless the answer has the expected status. */
	String post(String path, Object body, int expected) {
		return send("POST", path, body, expected);
	}

	/** Gets a path with query parameters (URL-encoded here). */
	String get(String path, Map<String, String> params) {
		var query = params.entrySet().stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send("GET", query.isEmpty() ? path : path + "?" + query, null, 200);
	}

	private String send(String method, String path, Object body, int expected) {
		try {
			var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
				.header("Content-Type", "application/json");
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
			var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != expected) {
				throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
						+ response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> read(String json) {
		try {
			return JSON.readValue(json, Map.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String write(Object value) {
		try {
			return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
