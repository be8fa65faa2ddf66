package io.catalog.api.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import io.catalog.api.access.Caller;

/** The functional accounts, read once at start-up from SciCat's accounts file. */
final class Accounts {

	private static final Logger log = LoggerFactory.getLogger(Accounts.class);

	private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder();

	private static final Argon2PasswordEncoder ARGON2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

	private final Map<String, Account> byName;

	/** A hash no password matches, checked for unknown accounts. */
	private static final String UNKNOWN_ACCOUNT = BCRYPT.encode(randomPassword());

	private final AuthProperties properties;

	/** Whether any account's password is stored hashed. */
	private final boolean hashed;

	private Accounts(List<Account> accounts, AuthProperties properties) {
		this.byName = accounts.stream().collect(Collectors.toMap(Account::username, Function.identity(), (a, b) -> b));
		this.properties = properties;
		this.hashed = accounts.stream().map(Account::password).anyMatch(p -> p != null && p.startsWith("$"));
	}

	static Accounts load(AuthProperties properties, Path dataDir, ObjectMapper mapper) throws IOException {
		var file = properties.functionalAccountsFile();
		if (file == null) {
			file = dataDir.resolve("functionalAccounts.json");
			if (!Files.exists(file)) {
				writeDefaults(file, mapper);
			}
		}
		List<Account> accounts = mapper.readValue(file.toFile(), new TypeReference<List<Account>>() {
		});
		log.info("{} functional accounts from {}", accounts.size(), file.toAbsolutePath());
		return new Accounts(accounts, properties);
	}

	/**
	 * The caller these credentials sign in as, if they match an account. CPU-heavy when passwords are stored hashed:
	 * call it off request threads. An unknown account costs a hash check too, so that timing does not tell which
	 * accounts exist.
	 */
	Optional<Caller> signIn(String username, String password) {
		return signIn(username, password, null);
	}

	/**
	 * The caller these credentials sign in as; {@code changedHash}, when not {@code null}, is the hash of a password
	 * changed through the API, which replaces the file's.
	 */
	Optional<Caller> signIn(String username, String password, String changedHash) {
		var account = byName.get(username);
		if (account == null) {
			if (hashed && password != null) {
				BCRYPT.matches(password, UNKNOWN_ACCOUNT);
			}
			return Optional.empty();
		}
		if (password == null || !matches(password, changedHash != null ? changedHash : account.password())) {
			return Optional.empty();
		}
		return Optional.of(caller(account));
	}

	/** The caller an account signs in as, without its password. */
	Optional<Caller> find(String username) {
		return Optional.ofNullable(username == null ? null : byName.get(username)).map(this::caller);
	}

	/** The caller a functional account stands for, without its password. */
	Optional<Caller> caller(String username) {
		return Optional.ofNullable(byName.get(username)).map(this::caller);
	}

	/** The callers of every functional account. */
	List<Caller> callers() {
		return byName.values().stream().map(this::caller).toList();
	}

	private Caller caller(Account account) {
		var groups = new LinkedHashSet<String>(account.roles());
		groups.addAll(properties.staticGroups());
		if (account.global()) {
			groups.add(properties.globalAccessGroup());
		}
		return Caller.of(account.username(), account.email(), groups);
	}

	private static boolean matches(String given, String stored) {
		if (stored == null) {
			return false;
		}
		if (stored.startsWith("$2a$") || stored.startsWith("$2b$") || stored.startsWith("$2y$")) {
			return BCRYPT.matches(given, stored);
		}
		if (stored.startsWith("$argon2")) {
			return ARGON2.matches(given, stored);
		}
		return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), stored.getBytes(StandardCharsets.UTF_8));
	}

	private static void writeDefaults(Path file, ObjectMapper mapper) throws IOException {
		var accounts = new ArrayList<Account>();
		accounts.add(new Account("admin", "admin@localhost", randomPassword(), "admin", true));
		accounts.add(new Account("ingestor", "ingestor@localhost", randomPassword(), "ingestor", false));
		Files.createDirectories(file.getParent());
		Files.writeString(file, mapper.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(accounts));
		log.info("No FUNCTIONAL_ACCOUNTS_FILE: wrote accounts admin and ingestor with random passwords to {}",
				file.toAbsolutePath());
	}

	private static String randomPassword() {
		var bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
