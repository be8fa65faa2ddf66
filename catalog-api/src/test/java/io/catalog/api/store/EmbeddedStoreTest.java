package io.catalog.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import reactor.core.publisher.Flux;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.catalog.api.CatalogApplication;
import io.catalog.api.support.Requests;
import io.catalog.api.support.TestKafka;

/** The default run: no MONGODB_URI, an embedded store in a file that outlives the service. */
class EmbeddedStoreTest {

	@TempDir
	Path dataDir;

	ConfigurableApplicationContext start(String... more) {
		var args = new ArrayList<>(List.of("--server.port=0", "--catalog.store.uri=", "--catalog.store.data-dir=" + dataDir,
				"--catalog.auth.functional-accounts-file=", "--catalog.auth.jwt-secret=embedded-store-test-secret-0123456789"));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(CatalogApplication.class).run(args.toArray(String[]::new));
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

	/**
	 * Six datasets of 10 MB each (written straight into the store, as an older catalog or SciCat may have left
	 * them): 60 MB in all, over the 48 MB one message of the wire server may carry, so the start-up read of the
	 * search index must come in bounded batches.
	 */
	@Test
	void aStoreOfLargeDocumentsStartsAgain() throws Exception {
		var description = "x".repeat(10_000_000);
		var kafka = "--catalog.events.bootstrap-servers=" + TestKafka.bootstrapServers();
		try (var first = start(kafka)) {
			var database = first.getBean(MongoDatabase.class);
			Flux.range(0, 6).concatMap(i -> database.getCollection("Dataset").insertOne(new Document("_id", "large/" + i)
				.append("ownerGroup", "group1").append("isPublished", true).append("type", "raw")
				.append("datasetName", "large " + i).append("description", description)))
				.blockLast(Duration.ofMinutes(1));
		}
		try (var second = start(kafka)) {
			var client = client(second);
			client.get().uri("/api/v3/datasets/count").exchange().expectStatus().isOk()
				.expectBody().jsonPath("$.count").isEqualTo(6);
			client.get().uri(b -> b.path("/api/v3/datasets").queryParam("filter", "{filter}")
				.build("{\"fields\":[\"pid\"],\"limits\":{\"limit\":10}}"))
				.exchange().expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(6);
		}
	}

}
