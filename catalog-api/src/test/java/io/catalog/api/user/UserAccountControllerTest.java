package io.catalog.api.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.TestAccounts;

class UserAccountControllerTest extends CatalogTest {

	/** Each test starts from an empty store, so the users it looks at sign in afresh to be recorded. */
	@BeforeEach
	void signInAfresh() {
		for (var user : new String[] { "user3", "user4", "admin" }) {
			post(null, "/api/v3/auth/login", Map.of("username", user, "password", TestAccounts.password(user)))
				.expectStatus().isCreated();
		}
	}

	@Test
	void aUserSeesItsOwnRecordAndAdminsAnyone() {
		assertThat(getObject("user3", "/api/v3/users/user3")).containsEntry("username", "user3")
			.containsEntry("id", "user3").containsEntry("authStrategy", "local").doesNotContainKey("password");
		assertThat(getObject("admin", "/api/v3/users/user4")).containsEntry("email", "user4@facility.test");
		as("user3").get().uri("/api/v3/users/user4").exchange().expectStatus().isForbidden();
		as(null).get().uri("/api/v3/users/user3").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void identitiesCarryTheGroupsOfTheLastSignIn() {
		var identity = getObject("admin", "/api/v3/users/user3/userIdentity");
		assertThat(identity).containsEntry("userId", "user3");
		assertThat(identity.get("profile")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("username", "user3").containsEntry("accessGroups", java.util.List.of("group3"));
		as("user4").get().uri("/api/v3/users/user3/userIdentity").exchange().expectStatus().isForbidden();
		as(null).get().uri("/api/v3/users/user3/userIdentity").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void aUserNeverSeenIsNotFoundForAdmins() {
		as("admin").get().uri("/api/v3/users/sampleIngestor").exchange().expectStatus().isNotFound();
		as("admin").get().uri("/api/v3/users/nobody/userIdentity").exchange().expectStatus().isNotFound();
	}

	@Test
	void datasetCreationFollowsTheGroupLists() {
		assertThat(getObject("user3", "/api/v3/users/user3/authorization/dataset/create")).containsEntry("authorization", true);
		assertThat(getObject("user4", "/api/v3/users/user4/authorization/dataset/create")).containsEntry("authorization", false);
		assertThat(getObject("admin", "/api/v3/users/user4/authorization/dataset/create")).containsEntry("authorization", false);
		assertThat(getObject("admin", "/api/v3/users/admin/authorization/dataset/create")).containsEntry("authorization", true);
		as("user4").get().uri("/api/v3/users/user3/authorization/dataset/create").exchange().expectStatus().isForbidden();
		as(null).get().uri("/api/v3/users/user3/authorization/dataset/create").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void listsShowAdminsEveryoneAndUsersThemselves() {
		assertThat(getList("admin", "/api/v3/users")).extracting(user -> user.get("username"))
			.contains("user3", "user4", "admin");
		assertThat(getList("user3", "/api/v3/users")).extracting(user -> user.get("username")).containsExactly("user3");
		as(null).get().uri("/api/v3/users").exchange().expectStatus().isUnauthorized();
	}

}
