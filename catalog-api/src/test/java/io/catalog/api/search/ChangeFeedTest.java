package io.catalog.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.catalog.api.CatalogApplication;
import io.catalog.api.support.Requests;
import io.catalog.api.support.TestAccounts;
import io.catalog.api.support.TestKafka;
import io.catalog.api.support.TestStore;

/**
 * Two catalog-api instances on one store, as two replicas: each one's search hears the other's writes, and
 * writes made straight in MongoDB, through the change stream.
 */
class ChangeFeedTest {

	private static final Duration WITHIN = Duration.ofSeconds(1);

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	/** A group of this test's own, so that documents other tests leave in the shared store do not count. */
	private final String group = "feed-" + UUID.randomUUID();

	@BeforeAll
	static void startTwo() {
		first = start();
		second = start();
	}

	@AfterAll
	static void stopTwo() {
		first.close();
		second.close();
	}

	static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(CatalogApplication.class).run("--server.port=0",
				"--catalog.store.uri=" + TestStore.uri(), "--catalog.events.bootstrap-servers=" + TestKafka.bootstrapServers(),
				"--catalog.auth.functional-accounts-file=" + TestAccounts.file(),
				"--catalog.auth.jwt-secret=change-feed-test-secret-of-more-than-32-bytes");
	}

	static WebTestClient client(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		var token = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build().post()
			.uri("/api/v3/auth/login").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", "admin", "password", TestAccounts.password("admin"))).exchange()
			.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
			.defaultHeader("Authorization", "Bearer " + token).build();
	}

	Map<String, Object> dataset(String name) {
		var dataset = new HashMap<>(Requests.rawDataset(group));
		dataset.put("datasetName", name);
		dataset.put("keywords", List.of("replicated"));
		return dataset;
	}

	String fields() {
		return "{\"ownerGroup\":[\"" + group + "\"]}";
	}

	List<Object> names(WebTestClient client) {
		return client.get().uri(b -> b.path("/api/v3/datasets/fullquery").queryParam("fields", "{f}").build(fields()))
			.exchange().expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody().stream()
			.map(d -> d.get("datasetName")).toList();
	}

	@SuppressWarnings("unchecked")
	long facetTotal(WebTestClient client) {
		var facets = client.get().uri(b -> b.path("/api/v3/datasets/fullfacet").queryParam("fields", "{f}")
			.queryParam("facets", "{k}").build(fields(), "[\"keywords\"]")).exchange().expectStatus().isOk()
			.expectBody(LIST).returnResult().getResponseBody().get(0);
		return ((Number) ((List<Map<String, Object>>) facets.get("all")).get(0).get("totalSets")).longValue();
	}

	long count(WebTestClient client) {
		return ((Number) client.get().uri(b -> b.path("/api/v3/datasets/count").queryParam("fields", "{f}").build(fields()))
			.exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("count")).longValue();
	}

	/** Asks until the answer is as expected, for at most {@link #WITHIN}; answers the last answer. */
	static <T> T within(Supplier<T> ask, T expected) {
		long deadline = System.nanoTime() + WITHIN.toNanos();
		T answer = ask.get();
		while (!answer.equals(expected) && System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return answer;
			}
			answer = ask.get();
		}
		return answer;
	}

	@Test
	void aWriteThroughOneShowsInTheOthersSearch() {
		var one = client(first);
		var other = client(second);
		one.post().uri("/api/v3/datasets").contentType(MediaType.APPLICATION_JSON).bodyValue(dataset("written by one"))
			.exchange().expectStatus().isCreated();

		assertThat(names(one)).containsExactly("written by one");
		assertThat(within(() -> names(other), List.of("written by one"))).containsExactly("written by one");
		assertThat(within(() -> facetTotal(other), 1L)).isEqualTo(1);
		assertThat(within(() -> count(other), 1L)).isEqualTo(1);
	}

	@Test
	void aDeleteStraightInMongoLeavesBoth() {
		var one = client(first);
		var other = client(second);
		var pid = (String) one.post().uri("/api/v3/datasets").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(dataset("to be deleted")).exchange().expectStatus().isCreated().expectBody(Map.class)
			.returnResult().getResponseBody().get("pid");
		assertThat(within(() -> names(other), List.of("to be deleted"))).hasSize(1);

		try (var raw = MongoClients.create(TestStore.uri())) {
			Mono.from(raw.getDatabase("catalog-test").getCollection("Dataset").deleteOne(new Document("_id", pid)))
				.block(Duration.ofSeconds(10));
		}

		assertThat(within(() -> names(one), List.of())).isEmpty();
		assertThat(within(() -> names(other), List.of())).isEmpty();
		assertThat(within(() -> facetTotal(other), 0L)).isZero();
	}

	@Test
	void aDocumentInsertedStraightInMongoShowsInBoth() {
		try (var raw = MongoClients.create(TestStore.uri())) {
			Mono.from(raw.getDatabase("catalog-test").getCollection("Dataset").insertOne(new Document("_id", "raw/" + group)
				.append("ownerGroup", group).append("type", "raw").append("datasetName", "from a script")))
				.block(Duration.ofSeconds(10));
		}

		var one = client(first);
		var other = client(second);
		assertThat(within(() -> names(one), List.of("from a script"))).containsExactly("from a script");
		assertThat(within(() -> names(other), List.of("from a script"))).containsExactly("from a script");
	}

}
