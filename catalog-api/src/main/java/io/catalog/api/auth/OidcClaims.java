package io.catalog.api.auth;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.catalog.api.access.Caller;

/**
 * Reads a caller from an identity provider's claims (an access token, or an ID token with userinfo): the name and
 * email from the configured claims, the groups from the groups claim and, when enabled, the realm and client roles.
 * Keycloak's group paths ({@code /admin}) lose their leading slash; Keycloak's built-in roles are left out.
 */
final class OidcClaims {

	private static final Set<String> BUILT_IN_ROLES = Set.of("offline_access", "uma_authorization");

	private final OidcProperties properties;

	OidcClaims(OidcProperties properties) {
		this.properties = properties;
	}

	Caller caller(Map<String, Object> claims) {
		var mapping = properties.userinfoMapping();
		var username = text(claims.get(mapping.username()));
		if (username == null) {
			username = text(claims.get("sub"));
		}
		var groups = new LinkedHashSet<String>();
		addAll(groups, claims.get(properties.accessGroupsProperty()));
		if (properties.realmRoles() && claims.get("realm_access") instanceof Map<?, ?> realm) {
			addAll(groups, realm.get("roles"));
		}
		if (properties.clientRoles() && claims.get("resource_access") instanceof Map<?, ?> resources
				&& resources.get(properties.clientId()) instanceof Map<?, ?> client) {
			addAll(groups, client.get("roles"));
		}
		return Caller.of(username, text(claims.get(mapping.email())), groups);
	}

	private static void addAll(Set<String> groups, Object claim) {
		if (claim instanceof Collection<?> values) {
			values.forEach(value -> add(groups, value));
		}
		else if (claim instanceof String value) {
			for (var part : value.split(",")) {
				add(groups, part);
			}
		}
	}

	private static void add(Set<String> groups, Object value) {
		var name = text(value);
		if (name == null) {
			return;
		}
		name = name.startsWith("/") ? name.substring(1) : name;
		if (!name.isEmpty() && !BUILT_IN_ROLES.contains(name) && !name.startsWith("default-roles-")) {
			groups.add(name);
		}
	}

	private static String text(Object value) {
		return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value).trim();
	}

}
