package io.catalog.launcher.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
import io.catalog.launcher.support.SlurmCluster;
import io.catalog.launcher.support.TestJobs;
import io.catalog.sdk.CatalogClient;

/**
 * Analysis jobs on a real single-node SLURM ({@link SlurmCluster}): the launcher has only its SLURM back-end, so every
 * run goes through sbatch, squeue, scontrol and scancel. Skipped, saying why, where SLURM cannot run.
 */
@Tag("slurm")
class SlurmJobsTest {

	@TempDir
	static Path dir;

	static SlurmCluster slurm;

	static ConfigurableApplicationContext launcher;

	static CatalogClient scientist;

	@BeforeAll
	static void start() {
		slurm = SlurmCluster.get();
		var catalog = CatalogServer.get();
		var settings = Launchers.settings(catalog, dir.resolve("work"));
		settings.put("LAUNCHER_LOCAL_ENABLED", "false");
		settings.put("LAUNCHER_SLURM_ENABLED", "true");
		settings.put("SLURM_CONF", slurm.conf().toString());
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
	private static Map<String, Object> run(Map<String, Object> job) {
		return ((List<Map<String, Object>>) ((Map<String, Object>) job.get("jobResultObject")).get("runs")).get(0);
	}

	private static String scontrol(String id) {
		return Commands.run(List.of("scontrol", "show", "job", id, "--oneliner"), slurm.environment(), Duration.ofSeconds(10))
			.stdout();
	}

	@Test
	void runsAToolAsABatchJobWithItsResourcesAndCataloguesItsOutputs() throws IOException {
		var pid = SampleData.create(scientist, dir.resolve("data/slurm-stats"), "slurm stats", 2, null);
		var id = TestJobs.create(scientist, "analysis", TestJobs.analysis("file-stats", Map.of(), false, pid));
		var job = TestJobs.finish(scientist, id, "finishedSuccessful");
		var run = run(job);
		assertThat((String) run.get("stdout")).contains("listed 2 files");
		assertThat((String) run.get("isolation")).startsWith("SLURM job " + run.get("backendId"));
		var recorded = scontrol((String) run.get("backendId"));
		assertThat(recorded).contains("JobName=" + id + "-0")
			.contains("TimeLimit=00:02:00").contains("mem=128M").contains("NumCPUs=1");
		var derived = scientist.await(() -> scientist.datasets().getDataset((String) run.get("derivedDataset")));
		assertThat(derived.getInputDatasets()).containsExactly(pid);
		assertThat(derived.getJobParameters().get("backend").toString()).startsWith("slurm (SLURM job ");
	}

	@Test
	void aFailingBatchJobEndsTheJobWithItsExitCodeAndStderr() throws IOException {
		var pid = SampleData.create(scientist, dir.resolve("data/slurm-fail"), "slurm fail", 1, null);
		var id = TestJobs.create(scientist, "analysis", TestJobs.analysis("fail", Map.of(), false, pid));
		var job = TestJobs.finish(scientist, id, "finishedUnsuccessful");
		assertThat(run(job)).containsEntry("exitCode", 3).containsEntry("stderr", "cannot read the detector geometry\n");
	}

	@Test
	void cancellingTheJobCancelsTheBatchJob() throws IOException {
		var pid = SampleData.create(scientist, dir.resolve("data/slurm-cancel"), "slurm cancel", 1, null);
		var id = TestJobs.create(scientist, "analysis", TestJobs.analysis("sleeper", Map.of(), false, pid));
		@SuppressWarnings("unchecked")
		var running = TestJobs.await(scientist, id, job -> job.get("jobResultObject") instanceof Map<?, ?> result
				&& result.get("runs") instanceof List<?> runs && !runs.isEmpty()
				&& "started\n".equals(((Map<String, Object>) runs.get(0)).get("stdout")), Duration.ofSeconds(60));
		var slurmId = (String) run(running).get("backendId");
		assertThat(scontrol(slurmId)).contains("JobState=RUNNING");
		TestJobs.cancel(scientist, id);
		var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!scontrol(slurmId).contains("JobState=CANCELLED") && System.nanoTime() < deadline) {
			TestJobs.get(scientist, id);
		}
		assertThat(scontrol(slurmId)).contains("JobState=CANCELLED");
	}

	@Test
	void aJobSlurmWouldNeverStartIsCancelledAndEndsRatherThanWaiting() throws IOException {
		var pid = SampleData.create(scientist, dir.resolve("data/slurm-huge"), "slurm huge", 1, null);
		var id = TestJobs.create(scientist, "analysis", TestJobs.analysis("huge", Map.of(), false, pid));
		var job = TestJobs.finish(scientist, id, "finishedUnsuccessful");
		assertThat(run(job)).containsEntry("state", "failed");
		assertThat((String) run(job).get("message")).isEqualTo(
				"could not start on slurm: SLURM will never start it (pending: PartitionConfig)");
	}

	@Test
	void aJobSbatchRefusesEndsWithSbatchsReason() throws IOException {
		var pid = SampleData.create(scientist, dir.resolve("data/slurm-greedy"), "slurm greedy", 1, null);
		var id = TestJobs.create(scientist, "analysis", TestJobs.analysis("greedy", Map.of(), false, pid));
		var job = TestJobs.finish(scientist, id, "finishedUnsuccessful");
		assertThat((String) run(job).get("message")).startsWith("could not start on slurm: sbatch refused the job: ")
			.contains("Requested node configuration is not available");
	}

	@Test
	void aJupyterSessionRunsAsABatchJobAnswersWithItsTokenAndIsCulledWhenIdle() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(Path.of("/usr/bin/jupyter-server")),
				"no /usr/bin/jupyter-server here: apt-get install jupyter-server");
		var pid = SampleData.create(scientist, dir.resolve("data/slurm-notebook"), "slurm notebook", 1, null);
		var id = TestJobs.create(scientist, "jupyter", TestJobs.session(pid));
		@SuppressWarnings("unchecked")
		var running = TestJobs.await(scientist, id, job -> job.get("jobResultObject") instanceof Map<?, ?> result
				&& result.get("url") != null, Duration.ofSeconds(90));
		@SuppressWarnings("unchecked")
		var result = (Map<String, Object>) running.get("jobResultObject");
		assertThat(result).containsEntry("backend", "slurm");
		assertThat((String) result.get("isolation")).startsWith("SLURM job ");
		assertThat(java.net.URI.create((String) result.get("url")).getQuery()).as("no token in the job").isNull();
		var url = SessionAddress.ownersAddress(launcher, result);
		var token = url.getQuery().replace("token=", "");
		var status = java.net.URI.create("http://" + url.getHost() + ":" + url.getPort() + "/api/status");
		var http = java.net.http.HttpClient.newHttpClient();
		var with = http.send(java.net.http.HttpRequest.newBuilder(status).header("Authorization", "token " + token).build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(with.statusCode()).isEqualTo(200);
		var without = http.send(java.net.http.HttpRequest.newBuilder(status).build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(without.statusCode()).isIn(401, 403);
		var ended = TestJobs.finish(scientist, id, "finishedSuccessful");
		assertThat((String) ended.get("statusMessage")).startsWith("Jupyter session culled: idle for ");
		var slurmId = ((String) result.get("isolation")).split(" ")[2];
		var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (scontrol(slurmId).matches("(?s).*JobState=(RUNNING|COMPLETING).*") && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(scontrol(slurmId)).contains("JobState=CANCELLED");
	}

}
