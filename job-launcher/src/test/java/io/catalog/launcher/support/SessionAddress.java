package io.catalog.launcher.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * A running Jupyter session's address with its token, as its owner gets it: the launcher's session route, asked with
 * a catalog token of the owner (the job's result holds the address without the token).
 */
public final class SessionAddress {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final ObjectMapper JSON = new ObjectMapper();

	private SessionAddress() {
	}

	/** A catalog token of the account, as a browser signed in to the catalog holds it. */
	public static String catalogToken(String username, String password) throws Exception {
		var answer = HTTP.send(HttpRequest.newBuilder(URI.create(CatalogServer.get().url() + "/api/v3/auth/login"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", username, "password",
					password)))).build(), HttpResponse.BodyHandlers.ofString());
		return JSON.readTree(answer.body()).path("id").asText();
	}

	/** The launcher's route for the session of a job whose result is {@code result}. */
	public static URI route(ConfigurableApplicationContext launcher, Map<?, ?> result) {
		return URI.create("http://127.0.0.1:" + launcher.getEnvironment().getProperty("local.server.port")
				+ result.get("session"));
	}

	/** The launcher's answer to {@code bearer} (a catalog token, or {@code null} for none) for that session. */
	public static HttpResponse<String> ask(URI route, String bearer) throws Exception {
		var request = HttpRequest.newBuilder(route);
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The address with the token, as the scientist (the tests' job owner) gets it. */
	public static URI ownersAddress(ConfigurableApplicationContext launcher, Map<?, ?> result) throws Exception {
		var answer = ask(route(launcher, result), catalogToken("scientist", CatalogServer.SCIENTIST_PASSWORD));
		if (answer.statusCode() != 200) {
			throw new AssertionError("the session's owner was refused its address: " + answer.statusCode() + " " + answer.body());
		}
		return URI.create(JSON.readTree(answer.body()).path("url").asText());
	}

}
