package io.catalog.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.catalog.launcher.backend.Backend;
import io.catalog.launcher.backend.KubernetesBackend;
import io.catalog.launcher.backend.KubernetesVolume;
import io.catalog.launcher.backend.LocalBackend;
import io.catalog.launcher.backend.RunSpec;
import io.catalog.launcher.backend.SlurmBackend;
import io.catalog.launcher.job.Workspace;
import io.catalog.launcher.support.CatalogServer;
import io.catalog.launcher.support.Launchers;
import io.catalog.launcher.support.SampleData;
import io.catalog.launcher.support.SlurmCluster;
import io.catalog.launcher.support.TestJobs;
import io.catalog.launcher.tool.Resources;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;

/**
 * A command that prints numbers, not a test ({@code mvn verify} does not run it): launch latency per back-end, from
 * submit to the tool running (its first output line written). {@code end-to-end}: the analysis job created in a real
 * catalog, heard on Kafka, claimed, checked, placed and launched; {@code back-end}: the back-end's launch call alone.
 * Kubernetes: fabric8's mock API server runs no pods, so only the Job's creation is timed. {@code -Dbench.runs}
 * launches per back-end (default 10). Run with
 * {@code mvn -B -o -pl job-launcher test -Dtest=LaunchBench -Dsurefire.failIfNoSpecifiedTests=false} and read the
 * {@code BENCH} lines of {@code target/surefire-reports/*LaunchBench-output.txt}.
 */
@EnableKubernetesMockClient(crud = true, https = false)
@SuppressWarnings("try")
class LaunchBench {

	private static final int RUNS = Integer.getInteger("bench.runs", 10);

	static KubernetesClient client;

	@TempDir
	Path dir;

	@Test
	void localPlain() throws Exception {
		endToEnd("local (plain process)", Map.of("LAUNCHER_LOCAL_ISOLATION", "none"));
		backEnd("local (plain process)", new LocalBackend("none", List.of(), List.of()));
	}

	@Test
	void localBubblewrap() throws Exception {
		var local = new LocalBackend("auto", List.of(), List.of());
		Assumptions.assumeTrue(local.isolated(), "bubblewrap does not run here");
		endToEnd("local (bubblewrap)", Map.of("LAUNCHER_LOCAL_ISOLATION", "bwrap"));
		backEnd("local (bubblewrap)", local);
	}

	@Test
	void slurm() throws Exception {
		var slurm = SlurmCluster.get();
		endToEnd("slurm", Map.of("LAUNCHER_LOCAL_ENABLED", "false", "LAUNCHER_SLURM_ENABLED", "true", "SLURM_CONF",
				slurm.conf().toString()));
		backEnd("slurm", new SlurmBackend("", List.of(), List.of(), "none", slurm.conf().toString()));
	}

	@Test
	void kubernetesMock() throws Exception {
		var backend = new KubernetesBackend(client, "runs", "catalog-run",
				List.of(new KubernetesVolume(dir, "claim")), List.of());
		var times = new ArrayList<Long>();
		for (int i = 0; i < RUNS; i++) {
			var run = spec(i);
			long start = System.nanoTime();
			backend.launch(run);
			times.add(System.nanoTime() - start);
		}
		print("kubernetes (mock API server: Job created, no pod runs)", "back-end", times);
	}

	private void endToEnd(String name, Map<String, String> extra) throws Exception {
		var catalog = CatalogServer.get();
		var settings = Launchers.settings(catalog, dir.resolve("work-" + name.hashCode()));
		settings.put("LAUNCHER_TOOLS", Path.of("src/test/resources/bench-tools").toAbsolutePath().toString());
		settings.putAll(extra);
		var scientist = catalog.scientist();
		var pid = SampleData.create(scientist, dir.resolve("data"), "bench data", 1, null);
		var workspace = new Workspace(Path.of(settings.get("LAUNCHER_WORK_DIR")));
		try (var launcher = Launchers.start(settings)) {
			var times = new ArrayList<Long>();
			for (int i = 0; i < RUNS + 1; i++) {
				long start = System.nanoTime();
				var id = TestJobs.create(scientist, "analysis", TestJobs.analysis("marker", Map.of(), false, pid));
				awaitStarted(workspace.run(id, 0).resolve("stdout.log"));
				long took = System.nanoTime() - start;
				if (i > 0) {
					times.add(took);
				}
				TestJobs.finish(scientist, id, "finishedSuccessful");
			}
			print(name, "end-to-end", times);
		}
	}

	private void backEnd(String name, Backend backend) throws Exception {
		var times = new ArrayList<Long>();
		for (int i = 0; i < RUNS; i++) {
			var run = spec(i);
			long start = System.nanoTime();
			var handle = backend.launch(run);
			awaitStarted(run.stdout());
			times.add(System.nanoTime() - start);
			while (handle.isRunning()) {
				Thread.sleep(20);
			}
		}
		print(name, "back-end", times);
	}

	private RunSpec spec(int i) throws IOException {
		var output = Files.createDirectories(dir.resolve("runs/" + i + "-" + System.nanoTime() + "/output"));
		return new RunSpec("bench-" + i, List.of("/bin/sh", "-c", "echo started; sleep 0.2"), Map.of(), List.of(),
				output, output.resolveSibling("stdout.log"), output.resolveSibling("stderr.log"), Resources.DEFAULT, false,
				"registry.example/tools/marker:1");
	}

	private static void awaitStarted(Path stdout) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!(Files.exists(stdout) && Files.size(stdout) > 0)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("the tool did not start within 60 s: " + stdout);
			}
			Thread.sleep(2);
		}
	}

	private static void print(String backend, String path, List<Long> nanos) {
		var sorted = nanos.stream().sorted().toList();
		System.out.printf("BENCH launch latency, %s, %s: n=%d median=%.0f ms p90=%.0f ms max=%.0f ms%n", backend, path,
				sorted.size(), sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1) / 1e6,
				sorted.get(sorted.size() - 1) / 1e6);
	}

}
