package io.catalog.api.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.catalog.api.CatalogApplication;
import io.catalog.api.support.Requests;
import io.catalog.api.support.TestKafka;

/**
 * A real kill: catalog-api in a child JVM on the embedded file store writes a dataset while Kafka is down, is
 * killed with SIGKILL, Kafka comes back, catalog-api starts again on the same data, and the event arrives.
 */
@Tag("slow")
class EventRelayKillTest {

	private final ObjectMapper mapper = new ObjectMapper();

	private final HttpClient http = HttpClient.newHttpClient();

	private LocalKafka kafka;

	private Process catalog;

	@AfterEach
	void stop() {
		if (catalog != null) {
			catalog.destroyForcibly();
		}
		if (kafka != null) {
			kafka.close();
		}
	}

	@Test
	void aWriteWhoseProcessWasKilledBeforeSendingArrivesAfterRestart(@TempDir Path dir) throws Exception {
		kafka = TestKafka.fresh();
		kafka.close();
		int port = freePort();
		catalog = start(dir, port);
		var token = login(port, dir);
		var created = send(port, "POST", "/api/v3/datasets", token, Requests.rawDataset("ingestor"));
		assertThat(created.statusCode()).isEqualTo(201);
		var pid = mapper.readTree(created.body()).get("pid").asText();

		catalog.destroyForcibly().waitFor();
		kafka.startBroker();
		catalog = start(dir, port);
		assertThat(send(port, "GET", "/api/v3/datasets/" + java.net.URLEncoder.encode(pid, java.nio.charset.StandardCharsets.UTF_8),
				token, java.util.Map.of()).statusCode()).as("the dataset survived the kill").isEqualTo(200);

		var records = TestKafka.read(kafka.bootstrapServers(), "catalog.dataset",
				read -> read.stream().anyMatch(r -> pid.equals(r.key())), Duration.ofSeconds(60));
		var mine = records.stream().filter(r -> pid.equals(r.key())).toList();
		assertThat(mine).hasSize(1);
		assertThat(mapper.readTree(mine.get(0).value()).get("type").asText()).isEqualTo("io.catalog.dataset.created");
	}

	private Process start(Path dir, int port) throws IOException, InterruptedException {
		var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var process = new ProcessBuilder(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
				CatalogApplication.class.getName(), "--server.port=" + port, "--catalog.store.data-dir=" + dir,
				"--catalog.events.bootstrap-servers=" + kafka.bootstrapServers(),
				"--catalog.auth.jwt-secret=kill-test-secret-of-more-than-thirty-two-bytes"))
			.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("catalog.log").toFile()))
			.start();
		var deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline && process.isAlive()) {
			try {
				http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v3/datasets")).build(),
						HttpResponse.BodyHandlers.discarding());
				return process;
			}
			catch (IOException ex) {
				Thread.sleep(300);
			}
		}
		process.destroyForcibly();
		var log = Files.readAllLines(dir.resolve("catalog.log"));
		throw new IllegalStateException("catalog-api did not start: "
				+ String.join("\n", log.subList(Math.max(0, log.size() - 40), log.size())));
	}

	private String login(int port, Path dir) throws IOException, InterruptedException {
		JsonNode accounts = mapper.readTree(Files.readString(dir.resolve("functionalAccounts.json")));
		for (var account : accounts) {
			if ("admin".equals(account.get("username").asText())) {
				var answer = send(port, "POST", "/api/v3/auth/login", null,
						java.util.Map.of("username", "admin", "password", account.get("password").asText()));
				return mapper.readTree(answer.body()).get("id").asText();
			}
		}
		throw new IllegalStateException("no admin account in " + dir);
	}

	private HttpResponse<String> send(int port, String method, String path, String token, Object body)
			throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
