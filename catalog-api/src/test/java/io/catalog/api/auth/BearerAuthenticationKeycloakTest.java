package io.catalog.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.KeycloakServer;
import io.catalog.api.support.Requests;

/** Keycloak access tokens, got by the password grant from the real server, at the bearer resolver. */
@Tag("keycloak")
class BearerAuthenticationKeycloakTest extends CatalogTest {

	@BeforeEach
	void keycloak() {
		KeycloakServer.get();
	}

	@DynamicPropertySource
	static void oidc(DynamicPropertyRegistry registry) {
		KeycloakServer.configureCatalog(registry);
	}

	private String tokenFor(String group) {
		var keycloak = KeycloakServer.get();
		var username = "kc-" + UUID.randomUUID().toString().substring(0, 8);
		return keycloak.passwordGrant(username, keycloak.createUser(username, List.of(group)));
	}

	@Test
	void realmUserSeesTheirGroups() {
		web.get().uri("/api/v3/users/my/self").header("Authorization", "Bearer " + tokenFor("ingestor")).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.username").value(name -> assertThat((String) name).startsWith("kc-"))
			.jsonPath("$.currentGroups").isEqualTo(List.of("ingestor"));
	}

	@Test
	void datasetOfTheirGroupIsVisibleAndHiddenFromOthers() {
		var pid = (String) created("user1", "/api/v3/datasets", Requests.rawDataset("group1")).get("pid");
		web.get().uri("/api/v3/datasets/{pid}", pid).header("Authorization", "Bearer " + tokenFor("group1")).exchange()
			.expectStatus().isOk();
		web.get().uri("/api/v3/datasets/{pid}", pid).header("Authorization", "Bearer " + tokenFor("group2")).exchange()
			.expectStatus().isForbidden();
	}

}
