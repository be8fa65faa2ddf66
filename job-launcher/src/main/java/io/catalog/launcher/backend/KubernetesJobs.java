package io.catalog.launcher.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;

/**
 * The Kubernetes Job of one run: one container of the tool's image running its command line as user 1000 (non-root,
 * no privilege or escalation, every capability dropped, read-only root file system, the runtime's seccomp profile),
 * each dataset folder mounted read-only from its claim at its own path, the output folder writable, a private
 * {@code /tmp}; requests and limits from the tool's resources ({@code nvidia.com/gpu} for GPUs); the deadline its
 * time; no retries; the given service account without its token mounted; labelled {@code catalog.io/network=none}
 * unless the tool asks for the network, for a NetworkPolicy of the namespace to cut it off.
 */
final class KubernetesJobs {

	static final String NETWORK_LABEL = "catalog.io/network";

	private KubernetesJobs() {
	}

	static Job of(String name, String image, RunSpec run, List<KubernetesVolume> volumes, String serviceAccount) {
		var mounts = new ArrayList<VolumeMount>();
		var podVolumes = new ArrayList<Volume>();
		int n = 0;
		for (var folder : run.readOnly()) {
			var volume = volumes.stream().filter(candidate -> candidate.holds(folder)).findFirst()
				.orElseThrow(() -> new LaunchException("no claim holds " + folder, null));
			var id = "dataset-" + n++;
			podVolumes.add(claim(id, volume.claim(), true));
			mounts.add(new VolumeMountBuilder().withName(id).withMountPath(folder.toString()).withSubPath(volume.subPath(folder))
				.withReadOnly(true).build());
		}
		var output = volumes.stream().filter(candidate -> candidate.holds(run.output())).findFirst()
			.orElseThrow(() -> new LaunchException("no claim holds the output folder " + run.output(), null));
		podVolumes.add(claim("output", output.claim(), false));
		mounts.add(new VolumeMountBuilder().withName("output").withMountPath(run.output().toString())
			.withSubPath(output.subPath(run.output())).withReadOnly(false).build());
		podVolumes.add(new VolumeBuilder().withName("tmp").withNewEmptyDir().endEmptyDir().build());
		mounts.add(new VolumeMountBuilder().withName("tmp").withMountPath("/tmp").build());
		var resources = run.resources();
		var amounts = new java.util.LinkedHashMap<String, Quantity>();
		amounts.put("cpu", new Quantity(String.valueOf(resources.cpu())));
		amounts.put("memory", new Quantity(String.valueOf(resources.memoryBytes())));
		if (resources.gpu() > 0) {
			amounts.put("nvidia.com/gpu", new Quantity(String.valueOf(resources.gpu())));
		}
		Container container = new ContainerBuilder().withName("tool").withImage(image).withCommand(run.argv())
			.withEnv(run.environment().entrySet().stream().sorted(Map.Entry.comparingByKey())
				.map(entry -> new EnvVar(entry.getKey(), entry.getValue(), null)).toList())
			.withWorkingDir(run.output().toString())
			.withResources(new ResourceRequirementsBuilder().withRequests(amounts).withLimits(amounts).build())
			.withVolumeMounts(mounts)
			.withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(1000L).withRunAsGroup(1000L)
			.withPrivileged(false).withAllowPrivilegeEscalation(false).withReadOnlyRootFilesystem(true)
			.withNewCapabilities().withDrop("ALL").endCapabilities()
			.withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile().endSecurityContext()
			.build();
		var labels = Map.of("app.kubernetes.io/managed-by", "catalog-job-launcher", NETWORK_LABEL,
				run.network() ? "allowed" : "none");
		return new JobBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
			.withNewSpec().withBackoffLimit(0).withActiveDeadlineSeconds(run.timeout().toSeconds())
			.withTtlSecondsAfterFinished(3600)
			.withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
			.withNewSpec().withRestartPolicy("Never").withServiceAccountName(serviceAccount)
			.withAutomountServiceAccountToken(false).withEnableServiceLinks(false)
			.withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(1000L).withFsGroup(1000L).endSecurityContext()
			.withContainers(container).withVolumes(podVolumes).endSpec().endTemplate().endSpec().build();
	}

	private static Volume claim(String name, String claim, boolean readOnly) {
		return new VolumeBuilder().withName(name).withNewPersistentVolumeClaim(claim, readOnly).build();
	}

}
