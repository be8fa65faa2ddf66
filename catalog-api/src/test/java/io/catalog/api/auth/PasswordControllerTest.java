package io.catalog.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.TestAccounts;

class PasswordControllerTest extends CatalogTest {

	private static final String NEW_PASSWORD = "a-fresh-passphrase";

	@Test
	void aUserChangesItsPasswordWithTheCurrentOne() throws Exception {
		var fileBefore = Files.readString(Path.of(TestAccounts.file()));
		post("user3", "/api/v3/users/password", change(TestAccounts.password("user3"), NEW_PASSWORD, NEW_PASSWORD))
			.expectStatus().isOk().expectBody().jsonPath("$.message").isEqualTo("Password updated successfully");
		signIn("user3", TestAccounts.password("user3")).expectStatus().isUnauthorized();
		signIn("user3", NEW_PASSWORD).expectStatus().isCreated();
		var stored = userRecord("user3");
		assertThat(stored.getString("password")).startsWith("$2").doesNotContain(NEW_PASSWORD);
		assertThat(Files.readString(Path.of(TestAccounts.file()))).as("the accounts file is left alone").isEqualTo(fileBefore);
	}

	@Test
	void signInReadsTheStoredHashAsARestartedOrSecondCatalogWould() {
		var hash = new BCryptPasswordEncoder().encode(NEW_PASSWORD);
		Mono.from(database.getCollection("User").updateOne(new Document("username", "user2"),
				new Document("$set", new Document("password", hash).append("authStrategy", "local")),
				new UpdateOptions().upsert(true))).block(Duration.ofSeconds(10));
		signIn("user2", NEW_PASSWORD).expectStatus().isCreated();
		signIn("user2", TestAccounts.password("user2")).expectStatus().isUnauthorized();
	}

	@Test
	void aWrongCurrentPasswordOrAMismatchIs400() {
		post("user3", "/api/v3/users/password", change("not-it", NEW_PASSWORD, NEW_PASSWORD)).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.message").isEqualTo("Current password is incorrect");
		post("user3", "/api/v3/users/password", change(TestAccounts.password("user3"), NEW_PASSWORD, "something-else"))
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.message").isEqualTo("New password and confirmation password do not match");
		signIn("user3", TestAccounts.password("user3")).expectStatus().isCreated();
	}

	@Test
	void shortOrMissingPasswordsNameTheField() {
		post("user3", "/api/v3/users/password", change(TestAccounts.password("user3"), "short", "short"))
			.expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("newPassword");
		post("user3", "/api/v3/users/password", Map.of("newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD))
			.expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("currentPassword");
		var tooLong = "x".repeat(73);
		patch("admin", "/api/v3/users/user3/password", Map.of("newPassword", tooLong, "confirmPassword", tooLong))
			.expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("newPassword");
	}

	@Test
	void identityProviderUsersHaveNoPasswordHere() {
		Mono.from(database.getCollection("User").insertOne(new Document("_id", "user4").append("username", "user4")
			.append("authStrategy", "oidc"))).block(Duration.ofSeconds(10));
		post("user4", "/api/v3/users/password", change(TestAccounts.password("user4"), NEW_PASSWORD, NEW_PASSWORD))
			.expectStatus().isForbidden()
			.expectBody().jsonPath("$.message").isEqualTo("Only local users are allowed to change password");
		patch("admin", "/api/v3/users/user4/password", Map.of("newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD))
			.expectStatus().isForbidden()
			.expectBody().jsonPath("$.message").isEqualTo("Only local users passwords can be changed by admin");
	}

	@Test
	void adminsSetPasswordsOthersMayNot() {
		patch("admin", "/api/v3/users/user5/password", Map.of("newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD))
			.expectStatus().isOk()
			.expectBody().jsonPath("$.message").isEqualTo("Password updated successfully for userId: user5");
		signIn("user5", NEW_PASSWORD).expectStatus().isCreated();
		patch("user1", "/api/v3/users/user5/password", Map.of("newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD))
			.expectStatus().isForbidden();
		patch(null, "/api/v3/users/user5/password", Map.of("newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD))
			.expectStatus().isUnauthorized();
		patch("admin", "/api/v3/users/nobody/password", Map.of("newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD))
			.expectStatus().isNotFound();
	}

	private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec signIn(String user, String password) {
		return post(null, "/api/v3/auth/login", Map.of("username", user, "password", password));
	}

	private Document userRecord(String username) {
		return Mono.from(database.getCollection("User").find(new Document("username", username)).first())
			.block(Duration.ofSeconds(10));
	}

	private static Map<String, Object> change(String current, String next, String confirmation) {
		return Map.of("currentPassword", current, "newPassword", next, "confirmPassword", confirmation);
	}

}
