package io.catalog.api.auth;

import java.util.List;

/**
 * A functional (local) account as SciCat's accounts file writes it.
 *
 * @param username the sign-in name
 * @param email the account's email
 * @param password the password, plain, a bcrypt hash ({@code $2a$...}) or an Argon2 hash ({@code $argon2id$...})
 * @param role one role or a list of them; each becomes an access group
 * @param global whether the account reads everything ({@code globalaccess})
 */
record Account(String username, String email, String password, Object role, boolean global) {

	List<String> roles() {
		if (role instanceof List<?> list) {
			return list.stream().map(String::valueOf).toList();
		}
		return role == null ? List.of() : List.of(String.valueOf(role));
	}

}
