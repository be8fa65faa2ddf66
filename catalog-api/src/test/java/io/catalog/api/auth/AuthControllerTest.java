package io.catalog.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.TestAccounts;

class AuthControllerTest extends CatalogTest {

	@Test
	void loginAnswersLikeSciCat() {
		var answer = created(null, "/api/v3/auth/login",
				Map.of("username", "user1", "password", TestAccounts.password("user1")));
		assertThat(answer.get("access_token")).isEqualTo(answer.get("id")).isNotNull();
		assertThat(answer).containsEntry("expires_in", 3600).containsEntry("ttl", 3600).containsKeys("created", "userId");
		assertThat(answer.get("user")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("username", "user1");
	}

	@Test
	void usersLoginIsAnAlias() {
		post(null, "/api/v3/Users/login", Map.of("username", "user2", "password", TestAccounts.password("user2")))
			.expectStatus().isCreated();
	}

	@Test
	void wrongCredentialsAre401() {
		post(null, "/api/v3/auth/login", Map.of("username", "user1", "password", "guess")).expectStatus().isUnauthorized();
		post(null, "/api/v3/auth/login", Map.of("username", "nobody", "password", "guess")).expectStatus().isUnauthorized();
		post(null, "/api/v3/auth/login", Map.of("password", "guess")).expectStatus().isBadRequest();
	}

	@Test
	void selfShowsTheUserAndIdentityTheGroups() {
		assertThat(getObject("user1", "/api/v3/users/my/self")).containsEntry("username", "user1")
			.containsEntry("email", "user1@facility.test");
		var identity = getObject("admin", "/api/v3/users/my/identity");
		@SuppressWarnings("unchecked")
		var profile = (Map<String, Object>) identity.get("profile");
		assertThat(profile.get("accessGroups")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).containsExactlyInAnyOrder("admin", "globalaccess");
		web.get().uri("/api/v3/users/my/self").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void logoutNeedsASignedInCaller() {
		web.post().uri("/api/v3/auth/logout").exchange().expectStatus().isUnauthorized();
		as("user2").post().uri("/api/v3/auth/logout").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.logout").isEqualTo("successful");
	}

	@Test
	void signInRecordsTheUserAndItsGroups() {
		post(null, "/api/v3/auth/login", Map.of("username", "user5", "password", TestAccounts.password("user5")))
			.expectStatus().isCreated();
		var identity = getObject("admin", "/api/v3/users/user5/userIdentity");
		assertThat(identity).containsEntry("userId", "user5").containsEntry("authStrategy", "local");
		@SuppressWarnings("unchecked")
		var profile = (Map<String, Object>) identity.get("profile");
		assertThat(profile.get("accessGroups")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.containsExactlyInAnyOrder("group1", "group4");
	}

	@Test
	void tamperedTokensAre401() {
		var token = token("user1");
		var parts = token.split("\\.");
		var payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("\"group1\"", "\"admin\"");
		var forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
			.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
		var unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
				+ "." + parts[1] + ".";
		for (var bad : List.of(forged, unsigned, "not-a-token", token + "x")) {
			web.get().uri("/api/v3/datasets").header("Authorization", "Bearer " + bad).exchange()
				.expectStatus().isUnauthorized()
				.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	@Test
	void repeatedFailuresForOneAccountFromOneAddressAre429WithRetryAfter() {
		var body = Map.of("username", "throttled", "password", "guess");
		for (int i = 0; i < 5; i++) {
			post(null, "/api/v3/auth/login", body).expectStatus().isUnauthorized();
		}
		// each failure past the fifth doubles the wait, from one second: however slow the machine, one is refused
		int refused = 0;
		for (int i = 0; i < 6 && refused == 0; i++) {
			var status = post(null, "/api/v3/auth/login", body).returnResult(String.class);
			if (status.getStatus().value() == 429) {
				refused++;
				assertThat(status.getResponseHeaders().getFirst("Retry-After")).isNotBlank();
				assertThat(status.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			}
		}
		assertThat(refused).isEqualTo(1);
		post(null, "/api/v3/auth/login", Map.of("username", "user3", "password", TestAccounts.password("user3")))
			.expectStatus().isCreated();
	}

}
