package io.catalog.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.Requests;

class ApiTokenControllerTest extends CatalogTest {

	private static final String TOKENS = "/api/v3/users/my/tokens";

	private WebTestClient bearer(String secret) {
		return web.mutate().defaultHeader("Authorization", "Bearer " + secret).build();
	}

	private Map<String, Object> newToken(String username, Map<String, Object> request) {
		return created(username, TOKENS, request);
	}

	private String pid(String username, String ownerGroup) {
		return (String) created(username, "/api/v3/datasets", Requests.rawDataset(ownerGroup)).get("pid");
	}

	@Test
	void secretIsShownOnceAndStoredOnlyHashed() {
		var token = newToken("user1", Map.of("name", "beamline"));
		var secret = (String) token.get("token");
		assertThat(secret).startsWith("cat_").hasSizeGreaterThan(40);
		assertThat(token).containsEntry("name", "beamline").containsEntry("groups", List.of("group1"));
		var listed = getList("user1", TOKENS);
		assertThat(listed).singleElement().satisfies(entry -> assertThat(entry).doesNotContainKey("token")
			.containsEntry("id", token.get("id")));
		var stored = Flux.from(database.getCollection("ApiToken").find()).collectList().block(Duration.ofSeconds(10));
		assertThat(stored).singleElement().satisfies(document -> assertThat(document.toJson()).doesNotContain(secret));
	}

	@Test
	void ingestorTokenCreatesDatasetsUntilRevoked() {
		var token = newToken("ingestor", Map.of("name", "acquisition"));
		var client = bearer((String) token.get("token"));
		client.post().uri("/api/v3/datasets").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Requests.rawDataset("group4")).exchange().expectStatus().isCreated();
		as("ingestor").delete().uri(TOKENS + "/{id}", token.get("id")).exchange().expectStatus().isOk();
		client.post().uri("/api/v3/datasets").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Requests.rawDataset("group4")).exchange().expectStatus().isUnauthorized()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void tokenScopedToOneGroupNeverReadsAnother() {
		var mine = pid("user1", "group1");
		var other = pid("ingestor", "group4");
		getObject("user5", "/api/v3/datasets/{pid}", other);
		var client = bearer((String) newToken("user5", Map.of("groups", List.of("group1"))).get("token"));
		client.get().uri("/api/v3/datasets/{pid}", mine).exchange().expectStatus().isOk();
		client.get().uri("/api/v3/datasets/{pid}", other).exchange().expectStatus().isForbidden();
		var listed = client.get().uri("/api/v3/datasets").exchange().expectStatus().isOk()
			.expectBody(JSON_ARRAY).returnResult().getResponseBody();
		assertThat(listed).extracting(dataset -> dataset.get("pid")).containsExactly(mine);
	}

	@Test
	void scopeBeyondTheOwnersGroupsIs400() {
		post("user1", TOKENS, Map.of("groups", List.of("group1", "admin"))).expectStatus().isBadRequest();
	}

	@Test
	void expiryInThePastIs400() {
		post("user1", TOKENS, Map.of("expiresAt", "2020-01-01T00:00:00Z")).expectStatus().isBadRequest();
	}

	@Test
	void aTokenAskedWithoutAnExpiryExpiresAfterTheDefaultLifetime() {
		var token = newToken("user1", Map.of());
		assertThat(Instant.parse((String) token.get("expiresAt")))
			.isBetween(Instant.now().plus(Duration.ofDays(89)), Instant.now().plus(Duration.ofDays(91)));
		post("user1", TOKENS, Map.of("expiresAt", Instant.now().plus(Duration.ofDays(400)).toString())).expectStatus()
			.isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("expiresAt");
	}

	@Test
	void anAccountHoldsAtMostTheLimitOfTokens() {
		for (int i = 0; i < 20; i++) {
			newToken("user3", Map.of("name", "token " + i));
		}
		post("user3", TOKENS, Map.of("name", "one too many")).expectStatus().isEqualTo(409);
		assertThat(getList("user3", TOKENS)).hasSize(20);
		as("user3").delete().uri(TOKENS + "/{id}", getList("user3", TOKENS).get(0).get("id")).exchange()
			.expectStatus().isOk();
		newToken("user3", Map.of("name", "after a revoke"));
	}

	@Test
	void groupsMustBeGroupNames() {
		var groups = new java.util.ArrayList<String>();
		groups.add(null);
		post("user1", TOKENS, Map.of("groups", groups)).expectStatus().isBadRequest().expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("groups");
	}

	@Test
	void expiredTokenIs401() {
		var token = newToken("user1", Map.of("expiresAt", Instant.now().plus(Duration.ofDays(30)).toString()));
		var client = bearer((String) token.get("token"));
		client.get().uri("/api/v3/users/my/self").exchange().expectStatus().isOk();
		Mono.from(database.getCollection("ApiToken").updateOne(Filters.eq("_id", token.get("id")),
				Updates.set("expiresAt", new Date(System.currentTimeMillis() - 1000)))).block(Duration.ofSeconds(10));
		client.get().uri("/api/v3/users/my/self").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void apiTokenCannotMakeApiTokens() {
		var client = bearer((String) newToken("user1", Map.of()).get("token"));
		client.post().uri(TOKENS).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange()
			.expectStatus().isForbidden();
	}

	@Test
	void othersTokensCannotBeRevoked() {
		var token = newToken("user1", Map.of());
		as("user2").delete().uri(TOKENS + "/{id}", token.get("id")).exchange().expectStatus().isNotFound();
		assertThat(getList("user1", TOKENS)).hasSize(1);
	}

	@Test
	void anonymousCallersHaveNoTokens() {
		web.get().uri(TOKENS).exchange().expectStatus().isUnauthorized();
		post(null, TOKENS, Map.of()).expectStatus().isUnauthorized();
	}

	@Test
	void unknownTokenIs401() {
		bearer("cat_" + java.util.UUID.randomUUID()).get().uri("/api/v3/datasets").exchange().expectStatus().isUnauthorized();
	}

}
