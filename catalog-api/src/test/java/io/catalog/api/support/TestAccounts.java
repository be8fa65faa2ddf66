package io.catalog.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Functional accounts for the tests, in SciCat's accounts-file format, modelled on SciCat's own test accounts.
 * Passwords are random per run and written to a temporary file, in the clear but for one account's.
 */
public final class TestAccounts {

	/** The account whose password the file holds as a bcrypt hash (strength 12), as a production file would. */
	public static final String HASHED = "hashed";

	/** Username to roles (comma-separated); every user gets a random password. */
	public static final Map<String, String> ROLES = Map.ofEntries(Map.entry("admin", "admin"),
			Map.entry("ingestor", "ingestor"), Map.entry("archiveManager", "archivemanager"),
			Map.entry("proposalIngestor", "proposalingestor"), Map.entry("sampleIngestor", "sampleingestor"),
			Map.entry("user1", "group1"), Map.entry("user2", "group2"), Map.entry("user3", "group3"),
			Map.entry("user4", "group4"), Map.entry("user5", "group1,group4"), Map.entry(HASHED, "group6"));

	private static final Map<String, String> PASSWORDS = new LinkedHashMap<>();

	private static Path file;

	private TestAccounts() {
	}

	public static synchronized String file() {
		if (file == null) {
			var accounts = ROLES.entrySet().stream().map(entry -> {
				var password = UUID.randomUUID().toString();
				PASSWORDS.put(entry.getKey(), password);
				var stored = HASHED.equals(entry.getKey()) ? new BCryptPasswordEncoder(12).encode(password) : password;
				return Map.of("username", entry.getKey(), "email", entry.getKey() + "@facility.test", "password",
						stored, "role", List.of(entry.getValue().split(",")), "global", entry.getKey().equals("admin"));
			}).toList();
			try {
				file = Files.createTempFile("functionalAccounts", ".json");
				file.toFile().deleteOnExit();
				new ObjectMapper().writeValue(file.toFile(), accounts);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return file.toString();
	}

	public static String password(String username) {
		file();
		return PASSWORDS.get(username);
	}

	public static List<String> usernames() {
		return List.copyOf(ROLES.keySet());
	}

}
