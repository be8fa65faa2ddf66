package io.catalog.api.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.catalog.api.search.SearchIndexes;

/**
 * A full catalog-api on a random port over the test store, configured with SciCat's test group lists, with
 * helpers to sign in as the test accounts. The loopback address is a trusted proxy: a test that calls the server
 * over HTTP ({@code @LocalServerPort}) may say with {@code X-Forwarded-For} which address a request comes from. The store (and so the search indexes) is emptied before each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@TestPropertySource(properties = { "catalog.access.admin-groups=admin", "catalog.access.delete-groups=archivemanager",
		"catalog.access.create-dataset-groups=group1,group2,group3", "catalog.access.create-dataset-with-pid-groups=group2",
		"catalog.access.create-dataset-privileged-groups=ingestor,group3",
		"catalog.access.update-dataset-lifecycle-groups=archivemanager",
		"catalog.access.proposal-groups=proposalingestor", "catalog.access.sample-groups=group1",
		"catalog.access.sample-privileged-groups=sampleingestor", "catalog.access.attachment-groups=#all",
		"catalog.access.attachment-privileged-groups=ingestor", "catalog.dataset.pid-prefix=test.prefix",
		"catalog.auth.login.trusted-proxies=127.0.0.1,::1" })
public abstract class CatalogTest {

	protected static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	protected static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_ARRAY = new ParameterizedTypeReference<>() {
	};

	private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

	@Autowired
	protected WebTestClient web;

	@Autowired
	protected MongoDatabase database;

	/** Rebuilt after the store is emptied behind the application's back, as at start-up. */
	@Autowired
	protected SearchIndexes searchIndexes;

	@DynamicPropertySource
	static void catalog(DynamicPropertyRegistry registry) {
		registry.add("catalog.store.uri", TestStore::uri);
		registry.add("catalog.events.bootstrap-servers", TestKafka::bootstrapServers);
		registry.add("catalog.events.recover-after", () -> "2s");
		registry.add("catalog.auth.functional-accounts-file", TestAccounts::file);
		registry.add("catalog.auth.jwt-secret", () -> "test-secret-of-more-than-thirty-two-bytes-" + TestAccounts.file());
	}

	@BeforeEach
	void emptyStore() {
		Flux.from(database.listCollectionNames())
			.flatMap(name -> Mono.from(database.getCollection(name).deleteMany(new Document())))
			.blockLast(Duration.ofSeconds(30));
		searchIndexes.rebuild().block(Duration.ofSeconds(30));
	}

	/** A token for the test account, signed in once per run. */
	protected String token(String username) {
		return TOKENS.computeIfAbsent(username, name -> {
			var answer = web.mutate().responseTimeout(Duration.ofSeconds(60)).build().post().uri("/api/v3/auth/login").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("username", name, "password", TestAccounts.password(name)))
				.exchange().expectStatus().isCreated()
				.expectBody(Map.class).returnResult().getResponseBody();
			return (String) answer.get("id");
		});
	}

	/** Posts JSON as the account (anonymous for {@code null}). */
	protected WebTestClient.ResponseSpec post(String username, String path, Object body, Object... variables) {
		return as(username).post().uri(path, variables).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	/** Patches JSON as the account (anonymous for {@code null}). */
	protected WebTestClient.ResponseSpec patch(String username, String path, Object body, Object... variables) {
		return as(username).patch().uri(path, variables).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	/** Posts JSON that must be accepted, and answers the created document. */
	protected Map<String, Object> created(String username, String path, Object body, Object... variables) {
		return post(username, path, body, variables).expectStatus().is2xxSuccessful()
			.expectBody(JSON_OBJECT).returnResult().getResponseBody();
	}

	/** Gets a JSON object that must be there. */
	protected Map<String, Object> getObject(String username, String path, Object... variables) {
		return as(username).get().uri(path, variables).exchange().expectStatus().isOk()
			.expectBody(JSON_OBJECT).returnResult().getResponseBody();
	}

	/** Gets a JSON array that must be there. */
	protected List<Map<String, Object>> getList(String username, String path, Object... variables) {
		return as(username).get().uri(path, variables).exchange().expectStatus().isOk()
			.expectBody(JSON_ARRAY).returnResult().getResponseBody();
	}

	/** A request as the given account, or anonymous when {@code username} is {@code null}. */
	protected WebTestClient as(String username) {
		var client = web.mutate().responseTimeout(Duration.ofSeconds(60));
		return username == null ? client.build() : client.defaultHeader("Authorization", "Bearer " + token(username)).build();
	}

}
