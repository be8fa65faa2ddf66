package io.catalog.ingestor.support;

import java.io.IOException;
import java.net.ServerSocket;
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
 * A real catalog-api for the tests: its executable jar (built by the reactor before this module) runs as a child
 * process on a random port over the embedded store in a temporary folder, with the accounts {@code ingestor}
 * (privileged creator, may set lifecycles) and {@code reader}. One per test JVM; skipped when the jar is missing.
 */
public final class CatalogServer {

	public static final String INGESTOR = "ingestor";

	public static final String PASSWORD = "ingestor-secret";

	private static CatalogServer started;

	private final String url;

	private final Process process;

	private CatalogServer(String url, Process process) {
		this.url = url;
		this.process = process;
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

	/** The CPU time catalog-api's process used so far (for the benchmark's share of the catalog). */
	public Duration cpuTime() {
		return process.info().totalCpuDuration().orElse(Duration.ZERO);
	}

	/** A client signed in as the ingestor account. */
	public CatalogClient ingestorClient() {
		var client = CatalogClient.of(url);
		client.await(client.login(INGESTOR, PASSWORD));
		return client;
	}

	private static CatalogServer start() {
		var jar = Path.of(System.getProperty("catalog.api.jar", "../catalog-api/target/catalog-api-0.1.0-SNAPSHOT-exec.jar"));
		Assumptions.assumeTrue(Files.isRegularFile(jar),
				"catalog-api's executable jar is missing (" + jar + "): run `mvn -B verify` from the root");
		try {
			var dir = Files.createTempDirectory("catalog-api-");
			var accounts = dir.resolve("functionalAccounts.json");
			Files.writeString(accounts, """
					[{"username":"ingestor","email":"ingestor@localhost","password":"%s","role":"ingestor","global":false}]
					""".formatted(PASSWORD));
			int port = freePort();
			var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			var builder = new ProcessBuilder(java, "-Xmx" + System.getProperty("catalog.api.heap", "512m"), "-jar", jar.toAbsolutePath().toString())
				.redirectErrorStream(true).redirectOutput(dir.resolve("catalog-api.log").toFile());
			var env = builder.environment();
			env.put("PORT", String.valueOf(port));
			env.put("BIND_ADDRESS", "127.0.0.1");
			env.put("CATALOG_DATA_DIR", dir.resolve("data").toString());
			env.put("FUNCTIONAL_ACCOUNTS_FILE", accounts.toString());
			env.put("UPDATE_DATASET_LIFECYCLE_GROUPS", "archivemanager,ingestor");
			env.put("JWT_SECRET", "a-test-secret-that-is-long-enough-for-hs256");
			var process = builder.start();
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
			var url = "http://127.0.0.1:" + port;
			awaitUp(url, process, dir.resolve("catalog-api.log"));
			return new CatalogServer(url, process);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start catalog-api", ex);
		}
	}

	private static void awaitUp(String url, Process process, Path log) throws IOException {
		var http = HttpClient.newHttpClient();
		var deadline = Instant.now().plus(Duration.ofSeconds(90));
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
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		process.destroy();
		throw new IllegalStateException("catalog-api did not start in 90 s: " + Files.readString(log));
	}

	/** A free port on 127.0.0.1. */
	public static int freePort() throws IOException {
		try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
