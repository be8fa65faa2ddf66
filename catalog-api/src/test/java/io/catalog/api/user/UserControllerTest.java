package io.catalog.api.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import io.catalog.api.support.CatalogTest;

class UserControllerTest extends CatalogTest {

	@Test
	void firstReadGivesSciCatsDefaults() {
		assertThat(getObject("user1", "/api/v3/users/my/settings")).containsEntry("userId", "user1")
			.containsEntry("datasetCount", 25).containsEntry("columns", List.of());
	}

	@Test
	void patchKeepsTheRestAndPutReplaces() {
		patch("user1", "/api/v3/users/user1/settings", Map.of("datasetCount", 50)).expectStatus().isOk();
		patch("user1", "/api/v3/users/user1/settings", Map.of("columns", List.of(Map.of("name", "pid"))))
			.expectStatus().isOk();
		assertThat(getObject("user1", "/api/v3/users/user1/settings")).containsEntry("datasetCount", 50)
			.containsEntry("columns", List.of(Map.of("name", "pid")));
		as("user1").put().uri("/api/v3/users/user1/settings").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("jobCount", 10)).exchange().expectStatus().isOk();
		assertThat(getObject("user1", "/api/v3/users/user1/settings")).containsEntry("datasetCount", 25)
			.containsEntry("jobCount", 10);
	}

	@Test
	void othersSettingsAreOffLimitsExceptToAdmins() {
		as("user2").get().uri("/api/v3/users/user1/settings").exchange().expectStatus().isForbidden();
		as(null).get().uri("/api/v3/users/user1/settings").exchange().expectStatus().isUnauthorized();
		assertThat(getObject("admin", "/api/v3/users/user1/settings")).containsEntry("userId", "user1");
	}

	@Test
	void badSettingsAreRefused() {
		patch("user1", "/api/v3/users/user1/settings", Map.of("datasetCount", "many")).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("datasetCount");
		patch("user1", "/api/v3/users/user1/settings", Map.of("$set", Map.of())).expectStatus().isBadRequest();
	}

	@Test
	void externalSettingsTakeNewKeysAndKeepTheOthers() {
		patch("user3", "/api/v3/users/user3/settings/external", Map.of("columns", List.of("pid", "size")))
			.expectStatus().isOk();
		patch("user3", "/api/v3/Users/user3/settings/external", Map.of("filters", List.of(Map.of("type", "text"))))
			.expectStatus().isOk()
			.expectBody().jsonPath("$.userId").isEqualTo("user3")
			.jsonPath("$.datasetCount").isEqualTo(25)
			.jsonPath("$.externalSettings.columns[1]").isEqualTo("size")
			.jsonPath("$.externalSettings.filters[0].type").isEqualTo("text");
		patch("user4", "/api/v3/users/user3/settings/external", Map.of("columns", List.of())).expectStatus().isForbidden();
		patch("user3", "/api/v3/users/user3/settings/external", Map.of("$where", "1")).expectStatus().isBadRequest();
	}

}
