package io.catalog.api.auth;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in through an OpenID Connect provider (Keycloak at most facilities), with SciCat's variable names. Without an
 * issuer, OIDC is off and only catalog tokens and API tokens are accepted.
 *
 * @param issuer the realm's issuer URL ({@code OIDC_ISSUER}); access tokens must carry exactly this {@code iss}
 * @param clientId the catalog's client in the realm ({@code OIDC_CLIENT_ID})
 * @param clientSecret that client's secret ({@code OIDC_CLIENT_SECRET}), for the browser flow
 * @param callbackUrl where the provider sends the browser back ({@code OIDC_CALLBACK_URL}), ending in
 * {@code /api/v3/auth/oidc/callback}
 * @param scope the scopes asked for in the browser flow ({@code OIDC_SCOPE}, space or comma separated)
 * @param successUrl where the browser goes after sign-in, with the catalog token appended ({@code OIDC_SUCCESS_URL})
 * @param audience the audience an access token must name ({@code OIDC_AUDIENCE}); the client id when blank
 * @param accessGroupsProperty the claim that lists the user's groups ({@code OIDC_ACCESS_GROUPS_PROPERTY})
 * @param realmRoles whether the realm roles ({@code realm_access.roles}) count as groups too
 * @param clientRoles whether the client's roles ({@code resource_access.<client>.roles}) count as groups too
 * @param userinfoMapping which claims hold the user's name and email ({@code OIDC_USERINFO_MAPPING_FIELD_*})
 */
@ConfigurationProperties("catalog.oidc")
public record OidcProperties(String issuer, String clientId, String clientSecret, String callbackUrl, String scope,
		String successUrl, String audience, String accessGroupsProperty, boolean realmRoles, boolean clientRoles,
		UserinfoMapping userinfoMapping) {

	public OidcProperties {
		issuer = blankToNull(issuer);
		scope = scope == null || scope.isBlank() ? "openid profile email" : scope;
		audience = blankToNull(audience) == null ? clientId : audience;
		accessGroupsProperty = blankToNull(accessGroupsProperty) == null ? "groups" : accessGroupsProperty;
		userinfoMapping = userinfoMapping == null ? new UserinfoMapping(null, null, null) : userinfoMapping;
	}

	/** Whether OIDC is configured at all. */
	public boolean enabled() {
		return issuer != null;
	}

	List<String> scopes() {
		return List.of(scope.split("[ ,]+"));
	}

	/**
	 * The claims a user's identity is read from.
	 *
	 * @param username the claim holding the sign-in name ({@code OIDC_USERINFO_MAPPING_FIELD_USERNAME})
	 * @param email the claim holding the email ({@code OIDC_USERINFO_MAPPING_FIELD_EMAIL})
	 * @param displayName the claim holding the full name ({@code OIDC_USERINFO_MAPPING_FIELD_DISPLAYNAME})
	 */
	public record UserinfoMapping(String username, String email, String displayName) {

		public UserinfoMapping {
			username = blankToNull(username) == null ? "preferred_username" : username;
			email = blankToNull(email) == null ? "email" : email;
			displayName = blankToNull(displayName) == null ? "name" : displayName;
		}

	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
