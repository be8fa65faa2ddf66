package io.catalog.launcher.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.catalog.launcher.tool.Invocation;
import io.catalog.launcher.tool.ParameterCheck;
import io.catalog.launcher.tool.ToolReader;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;

/**
 * The Kubernetes back-end against fabric8's mock API server in CRUD mode: no real API server can run here, and the
 * mock runs no controllers (a Job makes no Pods), so these tests read the objects the back-end recorded and set the
 * Job's status and Pod themselves as the cluster would.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesBackendTest {

	static KubernetesClient client;

	@TempDir
	Path dir;

	private KubernetesBackend backend() {
		return new KubernetesBackend(client, "runs", "catalog-run",
				List.of(new KubernetesVolume(dir.resolve("beamline"), "beamline-data"),
						new KubernetesVolume(dir.resolve("work"), "launcher-work")),
				List.of("beamline-1"));
	}

	private RunHandle launch(String jobName) throws IOException {
		var tool = new ToolReader().read(Path.of("src/test/resources/tools/threshold.yaml"));
		var data = Files.createDirectories(dir.resolve("beamline/p1/run42"));
		var output = Files.createDirectories(dir.resolve("work/" + jobName + "/run-0/output"));
		var values = ParameterCheck.resolve(tool, Map.of("source", "scan.h5"), List.of());
		var invocation = Invocation.of(tool, values, "pid/42", data, Map.of("pid/42", data), output);
		return backend().launch(new RunSpec(jobName + "-0", invocation.argv(), invocation.environment(), List.of(data),
				output, output.resolveSibling("stdout.log"), output.resolveSibling("stderr.log"), tool.resources(),
				tool.network(), tool.image()));
	}

	private io.fabric8.kubernetes.api.model.batch.v1.Job recorded(String name) {
		return client.batch().v1().jobs().inNamespace("runs").withName(name).get();
	}

	@Test
	void theJobMountsTheDatasetReadOnlyRunsAsNonRootWithoutPrivilegeAndReservesTheToolsResources() throws IOException {
		var handle = launch("job1");
		assertThat(handle.id()).isEqualTo("runs/run-job1-0");
		var job = recorded("run-job1-0");
		assertThat(job.getSpec().getBackoffLimit()).isZero();
		assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(300L);
		var pod = job.getSpec().getTemplate().getSpec();
		assertThat(pod.getServiceAccountName()).isEqualTo("catalog-run");
		assertThat(pod.getAutomountServiceAccountToken()).isFalse();
		assertThat(pod.getRestartPolicy()).isEqualTo("Never");
		assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
		var container = pod.getContainers().get(0);
		assertThat(container.getImage()).isEqualTo("registry.example/tools/threshold:1.2.0");
		var security = container.getSecurityContext();
		assertThat(security.getRunAsNonRoot()).isTrue();
		assertThat(security.getRunAsUser()).isEqualTo(1000L);
		assertThat(security.getPrivileged()).isFalse();
		assertThat(security.getAllowPrivilegeEscalation()).isFalse();
		assertThat(security.getReadOnlyRootFilesystem()).isTrue();
		assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
		assertThat(container.getResources().getRequests()).containsEntry("cpu", new Quantity("1"))
			.containsEntry("memory", new Quantity(String.valueOf(256L * 1024 * 1024)));
		assertThat(container.getResources().getLimits()).isEqualTo(container.getResources().getRequests());
		var data = container.getVolumeMounts().stream().filter(mount -> mount.getName().equals("dataset-0")).findFirst()
			.orElseThrow();
		assertThat(data.getReadOnly()).isTrue();
		assertThat(data.getMountPath()).isEqualTo(dir.resolve("beamline/p1/run42").toString());
		assertThat(data.getSubPath()).isEqualTo("p1/run42");
		var dataVolume = pod.getVolumes().stream().filter(volume -> volume.getName().equals("dataset-0")).findFirst()
			.orElseThrow();
		assertThat(dataVolume.getPersistentVolumeClaim().getClaimName()).isEqualTo("beamline-data");
		assertThat(dataVolume.getPersistentVolumeClaim().getReadOnly()).isTrue();
		var output = container.getVolumeMounts().stream().filter(mount -> mount.getName().equals("output")).findFirst()
			.orElseThrow();
		assertThat(output.getReadOnly()).isFalse();
		assertThat(output.getSubPath()).isEqualTo("job1/run-0/output");
		assertThat(container.getCommand()).contains("--level", "3", dir.resolve("beamline/p1/run42/scan.h5").toString());
		assertThat(job.getMetadata().getLabels()).containsEntry("catalog.io/network", "none");
		assertThat(handle.isRunning()).isTrue();
	}

	@Test
	void aSucceededJobEndsWithExitCodeZero() throws IOException {
		var handle = launch("job2");
		var job = recorded("run-job2-0");
		job.setStatus(new JobStatusBuilder().withSucceeded(1).build());
		client.batch().v1().jobs().inNamespace("runs").resource(job).updateStatus();
		assertThat(handle.isRunning()).isFalse();
		assertThat(handle.exitCode()).hasValue(0);
	}

	@Test
	void aFailedJobEndsWithItsContainersExitCode() throws IOException {
		var handle = launch("job3");
		client.pods().inNamespace("runs").resource(new PodBuilder().withNewMetadata().withName("run-job3-0-abcde")
			.withLabels(Map.of("job-name", "run-job3-0")).endMetadata().withNewStatus().addNewContainerStatus()
			.withName("tool").withNewState().withNewTerminated().withExitCode(3).endTerminated().endState()
			.endContainerStatus().endStatus().build()).create();
		var job = recorded("run-job3-0");
		job.setStatus(new JobStatusBuilder().withFailed(1).build());
		client.batch().v1().jobs().inNamespace("runs").resource(job).updateStatus();
		assertThat(handle.exitCode()).hasValue(3);
	}

	@Test
	void cancelDeletesTheJob() throws IOException {
		var handle = launch("job4");
		handle.cancel();
		assertThat(recorded("run-job4-0")).isNull();
		assertThat(handle.isRunning()).isFalse();
	}

	@Test
	void reachesOnlyFoldersItsClaimsHoldOnItsHosts() {
		var backend = backend();
		assertThat(backend.unreachable("beamline-1", dir.resolve("beamline/p1"))).isEmpty();
		assertThat(backend.unreachable(null, dir.resolve("elsewhere"))).hasValueSatisfying(
				reason -> assertThat(reason).startsWith("kubernetes has no claim holding " + dir.resolve("elsewhere")));
		assertThat(backend.unreachable("beamline-7", dir.resolve("beamline/p1")))
			.hasValue("kubernetes reaches the hosts [beamline-1], not beamline-7");
	}

	@Test
	void refusesAToolWithoutAnImage() {
		assertThatThrownBy(() -> backend().launch(new RunSpec("x-0", List.of("/bin/true"), Map.of(), List.of(),
				dir.resolve("work/x"), dir.resolve("work/o"), dir.resolve("work/e"), io.catalog.launcher.tool.Resources.DEFAULT,
				false, null))).isInstanceOf(LaunchException.class)
			.hasMessage("the tool names no image, and Kubernetes runs containers");
	}

}
