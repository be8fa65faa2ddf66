package io.catalog.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.Requests;

class UserJwtControllerTest extends CatalogTest {

	@Test
	void anAnonymousTokenReadsOnlyWhatAnonymousCallersRead() {
		var jwt = (String) created(null, "/api/v3/users/jwt", Map.of()).get("jwt");
		web.get().uri("/api/v3/users/my/self").header("Authorization", "Bearer " + jwt).exchange()
			.expectStatus().isUnauthorized();
		web.get().uri("/api/v3/datasets").header("Authorization", "Bearer " + jwt).exchange().expectStatus().isOk();
		web.post().uri("/api/v3/datasets").header("Authorization", "Bearer " + jwt).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Requests.rawDataset("group1")).exchange().expectStatus().isUnauthorized();
	}

	@Test
	void aSignedInCallerGetsATokenOfItsOwn() {
		var jwt = (String) created("user1", "/api/v3/users/jwt", Map.of()).get("jwt");
		web.get().uri("/api/v3/users/my/self").header("Authorization", "Bearer " + jwt).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.username").isEqualTo("user1");
	}

	@Test
	void adminsMintTokensForUsersThatNeverOutliveThirtyDays() throws Exception {
		var answer = created("admin", "/api/v3/users/user2/jwt", Map.of("expiresIn", "never"));
		var exp = claims((String) answer.get("jwt")).get("exp");
		assertThat(Instant.ofEpochSecond(((Number) exp).longValue()))
			.isBefore(Instant.now().plus(Duration.ofDays(30)).plusSeconds(60))
			.isAfter(Instant.now().plus(Duration.ofDays(29)));
		web.get().uri("/api/v3/users/my/self").header("Authorization", "Bearer " + answer.get("jwt")).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.username").isEqualTo("user2");
		assertThat(created("admin", "/api/v3/users/user2/jwt", Map.of("expiresIn", "2h"))).containsEntry("expires_in", 7200);
		assertThat(created("admin", "/api/v3/users/user2/jwt", Map.of("expiresIn", 90))).containsEntry("expires_in", 90);
	}

	@Test
	void onlyAdminsMintTokensForUsers() {
		post("user1", "/api/v3/users/user1/jwt", Map.of("expiresIn", "1h")).expectStatus().isForbidden();
		post(null, "/api/v3/users/user1/jwt", Map.of("expiresIn", "1h")).expectStatus().isUnauthorized();
		post("admin", "/api/v3/users/nobody/jwt", Map.of()).expectStatus().isNotFound();
		post("admin", "/api/v3/users/user1/jwt", Map.of("expiresIn", "soon")).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("expiresIn");
	}

	@Test
	void anApiTokenCannotTurnIntoATokenThatCannotBeRevoked() {
		var apiToken = (String) created("admin", "/api/v3/users/my/tokens", Map.of("name", "script")).get("token");
		web.post().uri("/api/v3/users/jwt").header("Authorization", "Bearer " + apiToken).exchange()
			.expectStatus().isForbidden();
		web.post().uri("/api/v3/users/user1/jwt").header("Authorization", "Bearer " + apiToken)
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange().expectStatus().isForbidden();
	}

	private static Map<?, ?> claims(String jwt) throws Exception {
		var payload = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
		return new ObjectMapper().readValue(new String(payload, StandardCharsets.UTF_8), Map.class);
	}

	@Test
	void anAdminMayMintAnExpiredTokenWhichIsRefusedAsSessionExpired() {
		var jwt = (String) created("admin", "/api/v3/users/user1/jwt", Map.of("expiresIn", "-5")).get("jwt");
		web.post().uri("/api/v3/datasets").header("Authorization", "Bearer " + jwt).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Requests.rawDataset("group1")).exchange().expectStatus().isUnauthorized()
			.expectBody().jsonPath("$.message").isEqualTo("SESSION_EXPIRED");
		web.get().uri("/api/v3/datasets").header("Authorization", "Bearer not-a-token").exchange()
			.expectStatus().isUnauthorized().expectBody().jsonPath("$.message").isEqualTo("Unauthorized");
	}

}
