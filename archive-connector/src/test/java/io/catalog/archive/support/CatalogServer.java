package io.catalog.archive.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Assumptions;

import io.catalog.sdk.CatalogClient;

/**
 * A real catalog-api for the tests: its executable jar (built by the reactor before this module) as a child process
 * on a random port over the embedded store in a temporary folder, publishing its events to the test JVM's Kafka
 * broker. Accounts: {@code archiver} (group archivemanager: lifecycles, job updates, and datablocks through
 * CREATE_DATASET_PRIVILEGED_GROUPS; global, so it reads the groups' policies) for the connector; {@code officer}
 * (group {@code group1}) who owns the datasets and asks for archive and retrieve; {@code admin} who sets policies.
 * One per test JVM; skipped when the jar is missing.
 */
public final class CatalogServer {

	public static final String ARCHIVER = "archiver";

	public static final String ARCHIVER_PASSWORD = "archiver-secret";

	public static final String OFFICER = "officer";

	public static final String OFFICER_PASSWORD = "officer-secret";

	public static final String ADMIN_PASSWORD = "admin-secret";

	private static CatalogServer started;

	private final String url;

	private CatalogServer(String url) {
		this.url = url;
	}

	/** The running catalog, started on first use. */
	public static synchronized CatalogServer get() {
		if (started == null) {
			started = start();
		}
		return started;
	}

	public String url() {
		return url;
	}

	/** A client signed in as {@code username}. */
	public CatalogClient client(String username, String password) {
		var client = CatalogClient.of(url);
		client.await(client.login(username, password));
		return client;
	}

	public CatalogClient officer() {
		return client(OFFICER, OFFICER_PASSWORD);
	}

	public CatalogClient admin() {
		return client("admin", ADMIN_PASSWORD);
	}

	public CatalogClient archiver() {
		return client(ARCHIVER, ARCHIVER_PASSWORD);
	}

	private static CatalogServer start() {
		var jar = Path.of(System.getProperty("catalog.api.jar", "../catalog-api/target/catalog-api-0.1.0-SNAPSHOT-exec.jar"));
		Assumptions.assumeTrue(Files.isRegularFile(jar),
				"catalog-api's executable jar is missing (" + jar + "): build with `mvn -pl archive-connector -am package`");
		try {
			var dir = Files.createTempDirectory("catalog-api-");
			var accounts = dir.resolve("functionalAccounts.json");
			Files.writeString(accounts, """
					[{"username":"archiver","email":"archiver@localhost","password":"%s","role":"archivemanager","global":true},
					 {"username":"officer","email":"officer@localhost","password":"%s","role":"group1","global":false},
					 {"username":"admin","email":"admin@localhost","password":"%s","role":"admin","global":true}]
					""".formatted(ARCHIVER_PASSWORD, OFFICER_PASSWORD, ADMIN_PASSWORD));
			int port = Ports.free();
			var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			var builder = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toAbsolutePath().toString())
				.redirectErrorStream(true).redirectOutput(dir.resolve("catalog-api.log").toFile());
			var env = builder.environment();
			env.put("PORT", String.valueOf(port));
			env.put("BIND_ADDRESS", "127.0.0.1");
			env.put("CATALOG_DATA_DIR", dir.resolve("data").toString());
			env.put("FUNCTIONAL_ACCOUNTS_FILE", accounts.toString());
			env.put("KAFKA_BOOTSTRAP_SERVERS", KafkaBroker.bootstrapServers());
			env.put("CREATE_DATASET_PRIVILEGED_GROUPS", "ingestor,archivemanager");
			env.put("JWT_SECRET", "a-test-secret-that-is-long-enough-for-hs256");
			var process = builder.start();
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
			var url = "http://127.0.0.1:" + port;
			awaitUp(url, process, dir.resolve("catalog-api.log"));
			return new CatalogServer(url);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start catalog-api", ex);
		}
	}

	private static void awaitUp(String url, Process process, Path log) throws IOException {
		var http = HttpClient.newHttpClient();
		var deadline = Instant.now().plus(Duration.ofSeconds(300));
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("catalog-api exited: " + Files.readString(log));
			}
			try {
				var answer = http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health/liveness")).build(),
						HttpResponse.BodyHandlers.discarding());
				if (answer.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException("catalog-api did not start within 300 s; see " + log);
	}

}
