package io.catalog.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OidcClaimsTest {

	private static OidcProperties properties(String groupsClaim, boolean realmRoles, boolean clientRoles,
			OidcProperties.UserinfoMapping mapping) {
		return new OidcProperties("http://idp.test/realms/x", "catalog", null, null, null, null, null, groupsClaim,
				realmRoles, clientRoles, mapping);
	}

	private static final Map<String, Object> CLAIMS = Map.of("sub", "f3a1", "preferred_username", "ada", "upn", "ada@lab",
			"mail", "ada@lab.test", "groups", List.of("/group1", "/nested/group2"),
			"realm_access", Map.of("roles", List.of("admin", "offline_access")),
			"resource_access", Map.of("catalog", Map.of("roles", List.of("ingestor")), "other", Map.of("roles", List.of("x"))));

	@Test
	void groupsClaimLosesLeadingSlashesAndOnlyTheCatalogsClientRolesCount() {
		var caller = new OidcClaims(properties("groups", false, true, null)).caller(CLAIMS);
		assertThat(caller.username()).isEqualTo("ada");
		assertThat(caller.groups()).containsExactlyInAnyOrder("group1", "nested/group2", "ingestor");
	}

	@Test
	void realmRolesCountWhenEnabledWithoutKeycloaksBuiltIns() {
		var caller = new OidcClaims(properties("groups", true, false, null)).caller(CLAIMS);
		assertThat(caller.groups()).containsExactlyInAnyOrder("group1", "nested/group2", "admin");
	}

	@Test
	void userinfoMappingNamesTheClaimsAndACommaSeparatedGroupsClaimIsRead() {
		var claims = Map.<String, Object>of("upn", "ada@lab", "mail", "ada@lab.test", "accessGroups", "p1, p2");
		var caller = new OidcClaims(properties("accessGroups", false, false,
				new OidcProperties.UserinfoMapping("upn", "mail", null))).caller(claims);
		assertThat(caller.username()).isEqualTo("ada@lab");
		assertThat(caller.email()).isEqualTo("ada@lab.test");
		assertThat(caller.groups()).containsExactlyInAnyOrder("p1", "p2");
	}

}
