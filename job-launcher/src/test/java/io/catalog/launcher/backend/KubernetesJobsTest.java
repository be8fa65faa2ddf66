package io.catalog.launcher.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.catalog.launcher.support.CatalogServer;
import io.catalog.launcher.support.Launchers;
import io.catalog.launcher.support.SampleData;
import io.catalog.launcher.support.TestJobs;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;

/**
 * An analysis job end to end on the Kubernetes back-end, configured by the launcher's settings and pointed at fabric8's
 * mock API server (CRUD mode; no real API server can run here, and the mock runs no pods): the test plays the
 * cluster, marking the recorded Job succeeded, and the job ends with its derived dataset.
 */
@EnableKubernetesMockClient(crud = true, https = false)
@SuppressWarnings("try")
class KubernetesJobsTest {

	static KubernetesClient client;

	@TempDir
	Path dir;

	@Test
	void anAnalysisRunsAsAJobOfTheConfiguredNamespaceAndEndsWhenTheJobSucceeds() throws Exception {
		var catalog = CatalogServer.get();
		var scientist = catalog.scientist();
		var pid = SampleData.create(scientist, dir.resolve("data/run7"), "kubernetes run", 1, null);
		var settings = Launchers.settings(catalog, dir.resolve("work"));
		settings.put("LAUNCHER_LOCAL_ENABLED", "false");
		settings.put("LAUNCHER_KUBERNETES_ENABLED", "true");
		settings.put("LAUNCHER_KUBERNETES_NAMESPACE", "runs");
		settings.put("LAUNCHER_KUBERNETES_VOLUMES", dir.resolve("data") + "=datasets," + dir.resolve("work") + "=work");
		var master = client.getConfiguration().getMasterUrl();
		System.setProperty("kubernetes.master", master);
		System.setProperty("kubernetes.auth.tryKubeConfig", "false");
		System.setProperty("kubernetes.auth.tryServiceAccount", "false");
		try (var launcher = Launchers.start(settings)) {
			var id = TestJobs.create(scientist, "analysis", TestJobs.analysis("threshold", Map.of("source", "scan_0.txt"),
					false, pid));
			var name = "run-" + id + "-0";
			io.fabric8.kubernetes.api.model.batch.v1.Job recorded = null;
			for (int i = 0; i < 600 && recorded == null; i++) {
				recorded = client.batch().v1().jobs().inNamespace("runs").withName(name).get();
				Thread.sleep(50);
			}
			assertThat(recorded).as("the Job %s in namespace runs", name).isNotNull();
			var container = recorded.getSpec().getTemplate().getSpec().getContainers().get(0);
			assertThat(container.getImage()).isEqualTo("registry.example/tools/threshold:1.2.0");
			assertThat(container.getCommand()).contains(dir.resolve("data/run7/scan_0.txt").toString());
			assertThat(recorded.getSpec().getTemplate().getSpec().getVolumes())
				.anySatisfy(volume -> assertThat(volume.getPersistentVolumeClaim().getClaimName()).isEqualTo("datasets"));
			recorded.setStatus(new JobStatusBuilder().withSucceeded(1).build());
			client.batch().v1().jobs().inNamespace("runs").resource(recorded).updateStatus();
			var job = TestJobs.finish(scientist, id, "finishedSuccessful");
			@SuppressWarnings("unchecked")
			var run = ((List<Map<String, Object>>) ((Map<String, Object>) job.get("jobResultObject")).get("runs")).get(0);
			assertThat(run).containsEntry("backendId", "runs/" + name).containsEntry("exitCode", 0);
			var derived = scientist.await(() -> scientist.datasets().getDataset((String) run.get("derivedDataset")));
			assertThat(derived.getUsedSoftware()).contains("registry.example/tools/threshold:1.2.0@sha256:"
					+ "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
		}
		finally {
			System.clearProperty("kubernetes.master");
			System.clearProperty("kubernetes.auth.tryKubeConfig");
			System.clearProperty("kubernetes.auth.tryServiceAccount");
		}
	}

}
