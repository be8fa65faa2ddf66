package io.catalog.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

/**
 * A real catalog-api for a module's tests: its executable jar (built by the reactor before the module, named by the
 * system property {@code catalog.api.jar}) runs as a child process on a random loopback port over the embedded store
 * in a temporary folder, with the accounts and settings the module gives. The test is skipped when the jar is
 * missing; the process ends with the test JVM.
 */
public final class CatalogProcess {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

	private final String url;

	private final Process process;

	private CatalogProcess(String url, Process process) {
		this.url = url;
		this.process = process;
	}

	/**
	 * Starts the catalog and waits until it is live.
	 *
	 * @param accounts the functional accounts file's JSON
	 * @param settings environment variables beyond port, address, data folder, accounts and JWT secret
	 * @param heap the child JVM's maximum heap ({@code -Xmx})
	 */
	public static CatalogProcess start(String accounts, Map<String, String> settings, String heap) {
		var jar = Path.of(System.getProperty("catalog.api.jar", "../catalog-api/target/catalog-api-0.1.0-SNAPSHOT-exec.jar"));
		Assumptions.assumeTrue(Files.isRegularFile(jar),
				"catalog-api's executable jar is missing (" + jar + "): run `mvn -B verify` from the root");
		try {
			var dir = Files.createTempDirectory("catalog-api-");
			var accountsFile = Files.writeString(dir.resolve("functionalAccounts.json"), accounts);
			var log = dir.resolve("catalog-api.log");
			int port = freePort();
			var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			var builder = new ProcessBuilder(java, "-Xmx" + heap, "-jar", jar.toAbsolutePath().toString())
				.redirectErrorStream(true).redirectOutput(log.toFile());
			var env = builder.environment();
			env.put("PORT", String.valueOf(port));
			env.put("BIND_ADDRESS", "127.0.0.1");
			env.put("CATALOG_DATA_DIR", dir.resolve("data").toString());
			env.put("FUNCTIONAL_ACCOUNTS_FILE", accountsFile.toString());
			env.put("JWT_SECRET", "a-test-secret-that-is-long-enough-for-hs256");
			env.putAll(settings);
			var process = builder.start();
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
			var url = "http://127.0.0.1:" + port;
			awaitLive(url, process, log);
			return new CatalogProcess(url, process);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start catalog-api", ex);
		}
	}

	public String url() {
		return url;
	}

	/** The CPU time the catalog's process used so far. */
	public Duration cpuTime() {
		return process.info().totalCpuDuration().orElse(Duration.ZERO);
	}

	/** A free port on the loopback address. */
	public static int freePort() {
		try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void awaitLive(String url, Process process, Path log) throws IOException {
		var http = HttpClient.newHttpClient();
		var deadline = Instant.now().plus(START_TIMEOUT);
		try {
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
				Thread.sleep(200);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		process.destroy();
		throw new IllegalStateException("catalog-api did not start within " + START_TIMEOUT.toSeconds() + " s; see " + log);
	}

}
