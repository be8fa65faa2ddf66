package io.catalog.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.catalog.api.CatalogApplication;
import io.catalog.api.support.Requests;

/** The default run: no MONGODB_URI, an embedded store in a file that outlives the service. */
class EmbeddedStoreTest {

	@TempDir
	Path dataDir;

	ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(CatalogApplication.class).run("--server.port=0", "--catalog.store.uri=",
				"--catalog.store.data-dir=" + dataDir, "--catalog.auth.functional-accounts-file=",
				"--catalog.auth.jwt-secret=embedded-store-test-secret-0123456789");
	}

	WebTestClient client(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
	}

	String login(WebTestClient client) throws Exception {
		var accounts = new com.fasterxml.jackson.databind.ObjectMapper()
			.readTree(dataDir.resolve("functionalAccounts.json").toFile());
		var admin = accounts.get(0);
		var answer = client.post().uri("/api/v3/auth/login").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", admin.get("username").asText(), "password", admin.get("password").asText()))
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
		return (String) answer.get("id");
	}

	@Test
	void datasetsSurviveARestart() throws Exception {
		String pid;
		try (var first = start()) {
			var client = client(first);
			var token = login(client);
			pid = (String) client.post().uri("/api/v3/datasets").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON).bodyValue(Requests.rawDataset("admin"))
				.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("pid");
		}
		assertThat(Files.exists(dataDir.resolve("catalog.mv"))).isTrue();
		try (var second = start()) {
			var client = client(second);
			client.get().uri("/api/v3/datasets/{pid}", pid).header("Authorization", "Bearer " + login(client))
				.exchange().expectStatus().isOk().expectBody().jsonPath("$.datasetName").isEqualTo("run 1");
		}
	}

}
