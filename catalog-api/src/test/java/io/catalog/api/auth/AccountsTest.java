package io.catalog.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class AccountsTest {

	@TempDir
	Path dir;

	final ObjectMapper mapper = new ObjectMapper();

	AuthProperties properties(Path file) {
		return new AuthProperties(null, Duration.ofHours(1), file, List.of("ess"), null);
	}

	@Test
	void readsSciCatsFormatWithPlainAndHashedPasswordsAndRoleLists() throws Exception {
		var file = dir.resolve("functionalAccounts.json");
		Files.writeString(file, """
				[{"username":"plain","email":"p@x","password":"secret-1","role":"group1","global":false},
				 {"username":"hashed","email":"h@x","password":"%s","role":["group2","group3"],"global":true}]
				""".formatted(new BCryptPasswordEncoder().encode("secret-2")));
		var accounts = Accounts.load(properties(file), dir, mapper);
		assertThat(accounts.signIn("plain", "secret-1")).hasValueSatisfying(
				caller -> assertThat(caller.groups()).containsExactlyInAnyOrder("group1", "ess"));
		assertThat(accounts.signIn("hashed", "secret-2")).hasValueSatisfying(caller -> assertThat(caller.groups())
			.containsExactlyInAnyOrder("group2", "group3", "ess", "globalaccess"));
		assertThat(accounts.signIn("plain", "secret-2")).isEmpty();
		assertThat(accounts.signIn("hashed", "$2a$10$")).isEmpty();
	}

	@Test
	void withoutAFileWritesRandomPasswordsUnderTheDataFolder() throws Exception {
		var accounts = Accounts.load(properties(null), dir, mapper);
		var written = mapper.readTree(dir.resolve("functionalAccounts.json").toFile());
		assertThat(written).hasSize(2);
		var adminPassword = written.get(0).get("password").asText();
		assertThat(adminPassword).hasSizeGreaterThan(20);
		assertThat(accounts.signIn("admin", adminPassword)).isPresent();
		var again = Accounts.load(properties(null), dir, mapper);
		assertThat(again.signIn("admin", adminPassword)).as("kept across restarts").isPresent();
	}

	@Test
	void readsArgon2Hashes() throws Exception {
		var file = dir.resolve("functionalAccounts.json");
		Files.writeString(file, """
				[{"username":"argon","email":"a@x","password":"%s","role":"group1","global":false}]
				""".formatted(Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("secret-3")));
		var accounts = Accounts.load(properties(file), dir, mapper);
		assertThat(accounts.signIn("argon", "secret-3")).isPresent();
		assertThat(accounts.signIn("argon", "secret-4")).isEmpty();
	}

}
