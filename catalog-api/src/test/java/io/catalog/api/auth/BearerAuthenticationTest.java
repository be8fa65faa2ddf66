package io.catalog.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.FakeIssuer;
import io.catalog.api.support.Requests;

/** Identity-provider access tokens at the bearer resolver, against a stand-in issuer. */
class BearerAuthenticationTest extends CatalogTest {

	private static final String CLIENT = "catalog";

	@DynamicPropertySource
	static void oidc(DynamicPropertyRegistry registry) {
		registry.add("catalog.oidc.issuer", () -> FakeIssuer.get().issuer());
		registry.add("catalog.oidc.client-id", () -> CLIENT);
		registry.add("catalog.oidc.realm-roles", () -> "true");
	}

	private final FakeIssuer issuer = FakeIssuer.get();

	private JWTClaimsSet.Builder valid(String username, Object groups) {
		return issuer.claims(username, CLIENT, groups);
	}

	private void rejected(String token) {
		web.post().uri("/api/v3/datasets").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Requests.rawDataset("group1")).exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(getList("admin", "/api/v3/datasets")).isEmpty();
	}

	@Test
	void accessTokenGroupsAndRealmRolesBecomeTheCallersGroups() {
		var token = issuer.sign(valid("alice", List.of("/group1")).claim("realm_access",
				Map.of("roles", List.of("ingestor", "offline_access", "default-roles-fake"))).build());
		web.get().uri("/api/v3/users/my/self").header("Authorization", "Bearer " + token).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.username").isEqualTo("alice")
			.jsonPath("$.email").isEqualTo("alice@idp.test")
			.jsonPath("$.currentGroups").value(groups -> assertThat(groups)
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
				.containsExactlyInAnyOrder("group1", "ingestor"));
	}

	@Test
	void accessTokenReadsWhatItsGroupsOwn() {
		var pid = (String) created("user1", "/api/v3/datasets", Requests.rawDataset("group1")).get("pid");
		var member = issuer.sign(valid("alice", List.of("group1")).build());
		var stranger = issuer.sign(valid("bob", List.of("group2")).build());
		web.get().uri("/api/v3/datasets/{pid}", pid).header("Authorization", "Bearer " + member).exchange()
			.expectStatus().isOk();
		web.get().uri("/api/v3/datasets/{pid}", pid).header("Authorization", "Bearer " + stranger).exchange()
			.expectStatus().isForbidden();
	}

	@Test
	void expiredTokenIs401() {
		var past = Date.from(Instant.now().minusSeconds(600));
		rejected(issuer.sign(valid("alice", List.of("group1")).issueTime(past).notBeforeTime(past)
			.expirationTime(Date.from(Instant.now().minusSeconds(300))).build()));
	}

	@Test
	void notYetValidTokenIs401() {
		rejected(issuer.sign(valid("alice", List.of("group1")).notBeforeTime(Date.from(Instant.now().plusSeconds(600)))
			.build()));
	}

	@Test
	void wrongIssuerIs401() {
		rejected(issuer.sign(valid("alice", List.of("group1")).issuer("http://127.0.0.1:1/realms/other").build()));
	}

	@Test
	void wrongAudienceIs401() {
		rejected(issuer.sign(valid("alice", List.of("group1")).audience("account").build()));
	}

	@Test
	void unsignedTokenIs401() {
		rejected(new PlainJWT(new PlainHeader(), valid("alice", List.of("group1")).build()).serialize());
	}

	@Test
	void tokenSignedWithAnUnpublishedKeyIs401() {
		rejected(issuer.signWithStrangerKey(valid("alice", List.of("group1")).build()));
	}

	@Test
	void tamperedTokenIs401() {
		var parts = issuer.sign(valid("alice", List.of("group1")).build()).split("\\.");
		var payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("\"group1\"", "\"admin\"");
		rejected(parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
			.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
	}

	@Test
	void aBearerHeaderWithoutATokenIsAnAnonymousVisitAsSciCatsFrontendSendsIt() {
		rejected("not-a-token");
		created("user1", "/api/v3/datasets", Requests.rawDataset("group1"));
		for (var header : List.of("Bearer ", "Bearer")) {
			web.get().uri("/api/v3/datasets/count").header("Authorization", header).exchange().expectStatus().isOk()
				.expectBody().jsonPath("$.count").isEqualTo(0);
		}
	}

}
