package io.catalog.api.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real Keycloak server from the {@code keycloak-quarkus-dist} artifact (unpacked by the build into
 * {@code target/keycloak}), started once per test JVM on a random loopback port with the repository's realm file
 * imported. Users and the client secret are made at test time with random passwords through the admin API. When
 * Keycloak is missing or does not start, the tests that ask for it are skipped with the reason.
 */
public final class KeycloakServer {

	public static final String REALM = "catalog";

	public static final String CLIENT = "catalog";

	private static final Logger log = LoggerFactory.getLogger(KeycloakServer.class);

	private static final Path TEMURIN = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

	private static KeycloakServer instance;

	private static String failure;

	private final ObjectMapper mapper = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final String adminPassword = UUID.randomUUID().toString();

	private String clientSecret;

	private KeycloakServer(String base) {
		this.base = base;
	}

	/** The running server, or the calling test is skipped with why it could not start. */
	public static synchronized KeycloakServer get() {
		Assumptions.assumeTrue(available().isPresent(), () -> "Keycloak is not available: " + failure);
		return instance;
	}

	/**
	 * The running server, started on first call, or empty when it cannot start: for property sources, which must
	 * not fail the application context (the tests themselves skip through {@link #get()}).
	 */
	public static synchronized java.util.Optional<KeycloakServer> available() {
		if (instance == null && failure == null) {
			try {
				instance = start();
			}
			catch (IOException | RuntimeException ex) {
				failure = ex.getMessage();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				failure = "interrupted while starting Keycloak";
			}
		}
		return java.util.Optional.ofNullable(instance);
	}

	public String issuer() {
		return base + "/realms/" + REALM;
	}

	/** Points the catalog at the test realm: its issuer, client and client secret (blank when none runs). */
	public static void configureCatalog(DynamicPropertyRegistry registry) {
		registry.add("catalog.oidc.issuer", () -> available().map(KeycloakServer::issuer).orElse(""));
		registry.add("catalog.oidc.client-id", () -> CLIENT);
		registry.add("catalog.oidc.client-secret", () -> available().map(KeycloakServer::clientSecret).orElse(""));
	}

	private static KeycloakServer start() throws IOException, InterruptedException {
		var home = Path.of(System.getProperty("keycloak.home", "target/keycloak/none"));
		if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
			throw new IllegalStateException("no Keycloak under " + home + " (the build unpacks it unless -Dkeycloak.skip)");
		}
		var realm = Path.of(System.getProperty("keycloak.realm-file", "../k8s/keycloak/catalog-realm.json"));
		Files.createDirectories(home.resolve("data/import"));
		Files.copy(realm, home.resolve("data/import/catalog-realm.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		int port = freePort();
		var server = new KeycloakServer("http://127.0.0.1:" + port);
		var builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev", "--http-host=127.0.0.1",
				"--http-port=" + port, "--http-management-port=" + freePort(), "--db=dev-mem", "--import-realm",
				"--hostname-strict=false")
			.redirectErrorStream(true)
			.redirectOutput(home.resolve("../keycloak.log").toFile());
		builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
		builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", server.adminPassword);
		if (Files.isExecutable(TEMURIN.resolve("bin/java"))) {
			builder.environment().put("JAVA_HOME", TEMURIN.toString());
		}
		long started = System.nanoTime();
		var process = builder.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			process.descendants().forEach(ProcessHandle::destroy);
			process.destroy();
		}));
		var deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see target/keycloak/keycloak.log");
			}
			if (server.ready()) {
				log.info("Keycloak ready on {} after {} s", server.base, (System.nanoTime() - started) / 1_000_000_000);
				return server;
			}
			Thread.sleep(500);
		}
		process.destroy();
		throw new IllegalStateException("Keycloak did not answer within 180 s; see target/keycloak/keycloak.log");
	}

	private boolean ready() {
		try {
			var response = http.send(HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
				.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** The catalog client's secret, set to a fresh random value on first use. */
	public synchronized String clientSecret() {
		if (clientSecret == null) {
			var id = admin("GET", "/clients?clientId=" + CLIENT, null).get(0).get("id").asText();
			clientSecret = admin("POST", "/clients/" + id + "/client-secret", null).get("value").asText();
		}
		return clientSecret;
	}

	/** Makes a user in the given realm groups and answers their random password. */
	public String createUser(String username, List<String> groups) {
		var password = UUID.randomUUID().toString();
		admin("POST", "/users", Map.of("username", username, "email", username + "@facility.test", "enabled", true,
				"emailVerified", true, "firstName", username, "lastName", "Tester",
				"groups", groups.stream().map(group -> "/" + group).toList(),
				"credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))));
		return password;
	}

	/** An access token for the user by the password grant. */
	public String passwordGrant(String username, String password) {
		var answer = form(issuer() + "/protocol/openid-connect/token", Map.of("grant_type", "password", "client_id",
				CLIENT, "client_secret", clientSecret(), "username", username, "password", password, "scope", "openid"));
		return answer.get("access_token").asText();
	}

	private JsonNode admin(String method, String path, Object body) {
		var token = form(base + "/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
				"client_id", "admin-cli", "username", "admin", "password", adminPassword)).get("access_token").asText();
		try {
			var request = HttpRequest.newBuilder(URI.create(base + "/admin/realms/" + REALM + path))
				.header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)))
				.build();
			return read(http.send(request, HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private JsonNode form(String url, Map<String, String> fields) {
		var body = fields.entrySet().stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		try {
			return read(http.send(HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private JsonNode read(HttpResponse<String> response) throws IOException {
		if (response.statusCode() >= 300) {
			throw new IllegalStateException("Keycloak answered " + response.statusCode() + " to " + response.uri());
		}
		return response.body() == null || response.body().isBlank() ? mapper.createObjectNode() : mapper.readTree(response.body());
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
