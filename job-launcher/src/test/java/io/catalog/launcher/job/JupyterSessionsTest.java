package io.catalog.launcher.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import io.catalog.launcher.support.CatalogServer;
import io.catalog.launcher.support.Launchers;
import io.catalog.launcher.support.SampleData;
import io.catalog.launcher.support.SessionAddress;
import io.catalog.launcher.support.TestJobs;
import io.catalog.sdk.CatalogClient;

/**
 * Jupyter sessions with Debian's real jupyter-server, started by a launcher for the scientist's {@code jupyter} job
 * and culled after 3 s without activity. Skipped, saying why, without jupyter-server.
 */
@Tag("jupyter")
class JupyterSessionsTest {

	private static final Path JUPYTER = Path.of("/usr/bin/jupyter-server");

	@TempDir
	static Path dir;

	static ConfigurableApplicationContext launcher;

	static CatalogClient scientist;

	@BeforeAll
	static void start() {
		assumeTrue(Files.isExecutable(JUPYTER), "no " + JUPYTER + " here: apt-get install jupyter-server");
		var catalog = CatalogServer.get();
		var settings = Launchers.settings(catalog, dir.resolve("work"));
		settings.put("JUPYTER_IDLE_TIMEOUT", "3s");
		settings.put("JUPYTER_CULL_EVERY", "500ms");
		launcher = Launchers.start(settings);
		scientist = catalog.scientist();
	}

	@AfterAll
	static void stop() {
		if (launcher != null) {
			launcher.close();
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> result(Map<String, Object> job) {
		return (Map<String, Object>) job.get("jobResultObject");
	}

	@Test
	void aSessionAnswersWithItsTokenRefusesWithoutItAndIsCulledWhenIdle() throws Exception {
		var pid = SampleData.create(scientist, dir.resolve("data/notebook"), "notebook data", 2, null);
		var id = TestJobs.create(scientist, "jupyter", TestJobs.session(pid));
		var running = TestJobs.await(scientist, id, job -> result(job) != null && result(job).get("url") != null,
				Duration.ofSeconds(90));
		assertThat(running.get("statusCode")).isEqualTo("inProgress");
		var address = URI.create((String) result(running).get("url"));
		assertThat(address.getQuery()).as("the job, read by the owner group and sent in events, holds no token").isNull();
		var http = HttpClient.newHttpClient();
		var session = SessionAddress.route(launcher, result(running));
		assertThat(SessionAddress.ask(session, null).statusCode()).as("without a catalog token").isEqualTo(401);
		assertThat(SessionAddress.ask(session, SessionAddress.catalogToken(CatalogServer.LAUNCHER, CatalogServer.LAUNCHER_PASSWORD))
			.statusCode()).as("not the job's owner").isEqualTo(403);
		var url = SessionAddress.ownersAddress(launcher, result(running));
		var token = url.getQuery().replace("token=", "");
		assertThat(token).hasSize(48);
		var base = "http://" + url.getHost() + ":" + url.getPort();
		var withToken = http.send(HttpRequest.newBuilder(URI.create(base + "/api/status"))
			.header("Authorization", "token " + token).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(withToken.statusCode()).isEqualTo(200);
		assertThat(withToken.body()).contains("\"last_activity\"");
		var without = http.send(HttpRequest.newBuilder(URI.create(base + "/api/status")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(without.statusCode()).isIn(401, 403);
		var wrong = http.send(HttpRequest.newBuilder(URI.create(base + "/api/contents/dataset-0"))
			.header("Authorization", "token not-" + token).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(wrong.statusCode()).isIn(401, 403);
		var listing = http.send(HttpRequest.newBuilder(URI.create(base + "/api/contents/dataset-0"))
			.header("Authorization", "token " + token).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(listing.statusCode()).isEqualTo(200);
		assertThat(listing.body()).contains("scan_0.txt").contains("scan_1.txt");

		var ended = TestJobs.awaitFinished(scientist, id, Duration.ofSeconds(60));
		assertThat(ended.get("statusCode")).isEqualTo("finishedSuccessful");
		assertThat((String) ended.get("statusMessage")).startsWith("Jupyter session culled: idle for ")
			.endsWith("(limit PT3S).");
		assertThat(result(ended)).doesNotContainKey("url").doesNotContainKey("session").containsEntry("endedBecause", "idle");
		assertThat(SessionAddress.ask(session, SessionAddress.catalogToken("scientist", CatalogServer.SCIENTIST_PASSWORD)).statusCode())
			.as("a culled session's address is gone").isEqualTo(404);
		var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		boolean answering = true;
		while (answering && System.nanoTime() < deadline) {
			try {
				http.send(HttpRequest.newBuilder(URI.create(base + "/api/status")).build(),
						HttpResponse.BodyHandlers.discarding());
				Thread.sleep(100);
			}
			catch (java.io.IOException gone) {
				answering = false;
			}
		}
		assertThat(answering).as("the culled server still answers").isFalse();
	}

	@Test
	void cancellingTheJobStopsTheSession() throws Exception {
		var pid = SampleData.create(scientist, dir.resolve("data/notebook-cancel"), "notebook cancel", 1, null);
		var id = TestJobs.create(scientist, "jupyter", TestJobs.session(pid));
		var running = TestJobs.await(scientist, id, job -> result(job) != null && result(job).get("url") != null,
				Duration.ofSeconds(90));
		var url = URI.create((String) result(running).get("url"));
		TestJobs.cancel(scientist, id);
		var runner = launcher.getBean(JobRunner.class);
		var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (runner.running().contains(id) && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(runner.running()).doesNotContain(id);
		assertThat(TestJobs.get(scientist, id).get("statusCode")).isEqualTo("jobCancelled");
		var refused = org.assertj.core.api.Assertions.catchThrowable(() -> HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create("http://" + url.getHost() + ":" + url.getPort() + "/api/status")).build(),
				HttpResponse.BodyHandlers.discarding()));
		assertThat(refused).isInstanceOf(java.io.IOException.class);
	}

}
