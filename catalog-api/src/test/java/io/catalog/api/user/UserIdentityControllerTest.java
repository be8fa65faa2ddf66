package io.catalog.api.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.TestAccounts;

class UserIdentityControllerTest extends CatalogTest {

	@BeforeEach
	void signInAfresh() {
		for (var user : new String[] { "user1", "user2" }) {
			post(null, "/api/v3/auth/login", Map.of("username", user, "password", TestAccounts.password(user)))
				.expectStatus().isCreated();
		}
	}

	@Test
	void aUserFindsItsOwnIdentity() {
		assertThat(getObject("user1", "/api/v3/userIdentities/findOne?filter={f}", "{\"where\":{\"userId\":\"user1\"}}"))
			.containsEntry("userId", "user1");
		assertThat(getObject("user1", "/api/v3/useridentities/findOne?filter={f}", "{\"where\":{\"profile.email\":\"user1@facility.test\"}}"))
			.containsEntry("userId", "user1");
	}

	@Test
	void anotherUsersIdentityIsForbiddenExceptToAdmins() {
		as("user1").get().uri("/api/v3/useridentities/findOne?filter={f}", "{\"where\":{\"userId\":\"user2\"}}").exchange()
			.expectStatus().isForbidden();
		assertThat(getObject("admin", "/api/v3/useridentities/findOne?filter={f}", "{\"where\":{\"userId\":\"user2\"}}"))
			.containsEntry("userId", "user2");
		as(null).get().uri("/api/v3/useridentities/findOne?filter={f}", "{\"where\":{\"userId\":\"user2\"}}").exchange()
			.expectStatus().isUnauthorized();
	}

	@Test
	void aFilterMatchingSomeoneElseFindsNothingForAUser() {
		as("user1").get().uri("/api/v3/useridentities/findOne?filter={f}", "{\"where\":{\"profile.email\":\"user2@facility.test\"}}")
			.exchange().expectStatus().isNotFound();
	}

	@Test
	void theFilterMayComeAsAHeader() {
		as("admin").get().uri("/api/v3/useridentities/findOne").header("filter", "{\"where\":{\"userId\":\"user1\"}}")
			.exchange().expectStatus().isOk().expectBody().jsonPath("$.userId").isEqualTo("user1");
	}

	@Test
	void databaseOperatorsAreRefused() {
		as("admin").get().uri("/api/v3/useridentities/findOne?filter={f}", "{\"where\":{\"$where\":\"1\"}}").exchange()
			.expectStatus().isBadRequest();
	}

	@Test
	void emailChecksAreForAdmins() {
		as("admin").get().uri("/api/v3/useridentities/isValidEmail?filter={f}", "{\"where\":{\"profile.email\":\"user2@facility.test\"}}")
			.exchange().expectStatus().isOk().expectBody(Boolean.class).isEqualTo(true);
		as("user1").get().uri("/api/v3/useridentities/isValidEmail").exchange().expectStatus().isForbidden();
	}

}
