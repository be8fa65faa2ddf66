package io.catalog.api.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Local sign-in.
 *
 * @param jwtSecret the key that signs catalog tokens ({@code JWT_SECRET}); blank makes a random one per start
 * @param jwtExpiresIn how long a token lives ({@code JWT_EXPIRES_IN}, seconds)
 * @param functionalAccountsFile SciCat's functional accounts JSON ({@code FUNCTIONAL_ACCOUNTS_FILE}); without it,
 * a file with an {@code admin} and an {@code ingestor} account and random passwords is written under the data folder
 * @param staticGroups groups every signed-in user belongs to ({@code ACCESS_GROUPS_STATIC_VALUES})
 * @param globalAccessGroup the group that {@code "global": true} accounts get
 */
@ConfigurationProperties("catalog.auth")
public record AuthProperties(String jwtSecret, Duration jwtExpiresIn, Path functionalAccountsFile,
		List<String> staticGroups, String globalAccessGroup) {

	public AuthProperties {
		jwtExpiresIn = jwtExpiresIn == null ? Duration.ofHours(1) : jwtExpiresIn;
		staticGroups = staticGroups == null ? List.of() : staticGroups.stream().map(String::trim).filter(g -> !g.isEmpty()).toList();
		globalAccessGroup = globalAccessGroup == null ? "globalaccess" : globalAccessGroup;
	}

}
