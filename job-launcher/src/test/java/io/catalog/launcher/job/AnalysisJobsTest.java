package io.catalog.launcher.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.catalog.launcher.support.CatalogServer;
import io.catalog.launcher.support.Launchers;
import io.catalog.launcher.support.SampleData;
import io.catalog.launcher.support.TestJobs;
import io.catalog.sdk.CatalogClient;
import io.catalog.sdk.Filter;

/**
 * Analysis jobs end to end: a real catalog-api (child process) publishing to a real Kafka broker, a launcher with the
 * local back-end, the test tools. Each test creates its job as the scientist through the catalog's v4 routes and
 * reads what the launcher reported there.
 */
class AnalysisJobsTest {

	@TempDir
	static Path dir;

	static CatalogServer catalog;

	static ConfigurableApplicationContext launcher;

	static CatalogClient scientist;

	@BeforeAll
	static void start() {
		catalog = CatalogServer.get();
		launcher = Launchers.start(Launchers.settings(catalog, dir.resolve("work")));
		scientist = catalog.scientist();
	}

	@AfterAll
	static void stop() {
		if (launcher != null) {
			launcher.close();
		}
	}

	private static String dataset(String name, int files) throws IOException {
		return SampleData.create(scientist, dir.resolve("data").resolve(name), name, files, null);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> result(Map<String, Object> job) {
		return (Map<String, Object>) job.get("jobResultObject");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> run(Map<String, Object> job, int index) {
		return ((List<Map<String, Object>>) result(job).get("runs")).get(index);
	}

	@Test
	void runsAToolOverADatasetAndCataloguesItsOutputsAsADerivedDatasetWithItsProvenance() throws IOException {
		var pid = dataset("stats-run", 3);
		var id = TestJobs.create(scientist, "analysis", TestJobs.analysis("file-stats", Map.of("pattern", "*.txt"), false,
				pid));
		var job = TestJobs.finish(scientist, id, "finishedSuccessful");
		assertThat(job.get("statusMessage")).isEqualTo("Job finished successfully: 1 of 1 runs of file-stats@1.0.0 succeeded.");
		var run = run(job, 0);
		assertThat(run).containsEntry("state", "succeeded").containsEntry("exitCode", 0);
		assertThat((String) run.get("stdout")).contains("listed 3 files");
		assertThat(result(job).get("parameters")).isEqualTo(Map.of("pattern", "*.txt", "top", 100));

		var derivedPid = (String) run.get("derivedDataset");
		var derived = scientist.await(() -> scientist.datasets().getDataset(derivedPid));
		assertThat(derived.getType()).isEqualTo("derived");
		assertThat(derived.getOwnerGroup()).isEqualTo("group1");
		assertThat(derived.getInputDatasets()).containsExactly(pid);
		assertThat(derived.getUsedSoftware()).containsExactly("file-stats@1.0.0");
		assertThat(derived.getJobParameters()).containsEntry("jobId", id).containsEntry("tool", "file-stats")
			.containsEntry("parameters", Map.of("pattern", "*.txt", "top", 100));
		assertThat(derived.getJobLogData()).contains("listed 3 files");
		var blocks = scientist.await(() -> scientist.datasets().listDatasetOrigDatablocks(derivedPid));
		assertThat(blocks).hasSize(1);
		assertThat(blocks.get(0).getDataFileList()).extracting(file -> file.getPath()).containsExactly("count.txt",
				"files.txt");
		assertThat(blocks.get(0).getDataFileList().get(0).getChk()).hasSize(64);

		var lineage = scientist.await(() -> scientist.datasets()
			.listDatasets(Filter.where("inputDatasets", Filter.inq(pid)).toJson()));
		assertThat(lineage).extracting(dataset -> dataset.getPid()).containsExactly(derivedPid);
	}

	@Test
	void mapsAToolOverManyDatasetsOneRunAndOneDerivedDatasetEach() throws IOException {
		var first = dataset("map-a", 1);
		var second = dataset("map-b", 2);
		var id = TestJobs.create(scientist, "analysis", TestJobs.analysis("file-stats", Map.of(), true, first, second));
		var job = TestJobs.finish(scientist, id, "finishedSuccessful");
		assertThat((String) run(job, 0).get("stdout")).contains("listed 1 files");
		assertThat((String) run(job, 1).get("stdout")).contains("listed 2 files");
		assertThat(run(job, 1)).containsEntry("dataset", second);
		assertThat((List<?>) result(job).get("derivedDatasets")).hasSize(2).doesNotHaveDuplicates();
	}

	@Test
	void aRefusedParameterEndsTheJobNamingTheParameterAndWhy() throws IOException {
		var pid = dataset("bad-parameter", 1);
		var id = TestJobs.create(scientist, "analysis", TestJobs.analysis("file-stats", Map.of("top", 0, "colour", "red"),
				false, pid));
		var job = TestJobs.finish(scientist, id, "finishedUnsuccessful");
		assertThat(job.get("statusMessage")).isEqualTo("Job refused: tool file-stats: parameter 'colour' is not a "
				+ "parameter of tool file-stats; parameter 'top' must be at least 1, not 0");
		assertThat(result(job).get("errors")).isEqualTo(List.of(
				Map.of("parameter", "colour", "reason", "is not a parameter of tool file-stats"),
				Map.of("parameter", "top", "reason", "must be at least 1, not 0")));
	}

	@Test
	void anUnknownToolEndsTheJobNamingTheTools() throws IOException {
		var pid = dataset("unknown-tool", 1);
		var id = TestJobs.create(scientist, "analysis", TestJobs.analysis("nope", Map.of(), false, pid));
		var job = TestJobs.finish(scientist, id, "finishedUnsuccessful");
		assertThat((String) job.get("statusMessage")).contains("jobParams.tool names no tool of the launcher: nope")
			.contains("file-stats");
	}

	@Test
	void theCatalogRefusesAnAnalysisWithoutAToolAtOnce() throws IOException {
		var pid = dataset("no-tool", 1);
		var refusal = TestJobs.refused(scientist, "analysis", Map.of("datasetList", List.of(Map.of("pid", pid, "files", List.of()))), 400);
		assertThat(refusal).contains("jobParams.tool");
		var notABoolean = TestJobs.refused(scientist, "analysis", Map.of("tool", "file-stats", "map", "yes",
				"datasetList", List.of(Map.of("pid", pid, "files", List.of()))), 400);
		assertThat(notABoolean).contains("jobParams");
	}

	@Test
	void dataNoBackEndReachesIsRefusedWithTheReason() throws IOException {
		var pid = SampleData.create(scientist, dir.resolve("data/far"), "far away", 1, "beamline-7.facility.example");
		var id = TestJobs.create(scientist, "analysis", TestJobs.analysis("file-stats", Map.of(), false, pid));
		var job = TestJobs.finish(scientist, id, "finishedUnsuccessful");
		assertThat((String) job.get("statusMessage")).startsWith("Job refused: no back-end reaches the job's data: " + pid
				+ ": local reaches the hosts [] and ").endsWith(", not beamline-7.facility.example");
	}

	@Test
	void aFailingRunEndsTheJobWithItsExitCodeAndStderr() throws IOException {
		var pid = dataset("failing", 1);
		var id = TestJobs.create(scientist, "analysis", TestJobs.analysis("fail", Map.of(), false, pid));
		var job = TestJobs.finish(scientist, id, "finishedUnsuccessful");
		assertThat((String) job.get("statusMessage")).endsWith("(run 1 over " + pid + " exited with code 3).");
		assertThat(run(job, 0)).containsEntry("exitCode", 3).containsEntry("stderr", "cannot read the detector geometry\n")
			.containsEntry("stdout", "about to fail\n").doesNotContainKey("derivedDataset");
	}

	@Test
	void aProgramThatCannotStartEndsTheJobRatherThanLeavingItPending() throws IOException {
		var pid = dataset("missing-program", 1);
		var id = TestJobs.create(scientist, "analysis", TestJobs.analysis("missing", Map.of(), false, pid));
		var job = TestJobs.finish(scientist, id, "finishedUnsuccessful");
		assertThat(run(job, 0).get("state")).isEqualTo("failed");
		assertThat(run(job, 0).get("stdout") + " " + run(job, 0).get("stderr") + " " + run(job, 0).get("message"))
			.contains("/nonexistent/program");
	}

	@Test
	void aRunPastItsTimeLimitIsStoppedAndTheJobFails() throws IOException {
		var pid = dataset("too-slow", 1);
		var id = TestJobs.create(scientist, "analysis", TestJobs.analysis("slow", Map.of(), false, pid));
		var job = TestJobs.finish(scientist, id, "finishedUnsuccessful");
		assertThat(run(job, 0)).containsEntry("state", "timedOut")
			.containsEntry("message", "stopped after its time limit of PT1S");
	}

	@Test
	void theLogIsReadableWhileTheRunGoesAndCancellingStopsIt() throws Exception {
		var pid = dataset("cancelled", 1);
		var id = TestJobs.create(scientist, "analysis", TestJobs.analysis("sleeper", Map.of(), false, pid));
		var runner = launcher.getBean(JobRunner.class);
		var running = TestJobs.await(scientist, id, job -> result(job) != null && result(job).get("runs") != null,
				Duration.ofSeconds(60));
		assertThat(running.get("statusCode")).isEqualTo("inProgress");
		assertThat(run(running, 0)).containsEntry("state", "running").containsEntry("stdout", "started\n");
		var port = ((WebServerApplicationContext) launcher).getWebServer().getPort();
		var log = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
				+ "/api/v1/jobs/" + id + "/runs/0/stdout")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(log.statusCode()).isEqualTo(200);
		assertThat(log.body()).isEqualTo("started\n");
		assertThat(runner.running()).contains(id);

		TestJobs.cancel(scientist, id);
		var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (runner.running().contains(id) && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(runner.running()).doesNotContain(id);
		assertThat(TestJobs.get(scientist, id).get("statusCode")).isEqualTo("jobCancelled");
	}

}
