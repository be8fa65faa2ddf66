package io.catalog.launcher.backend;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Runs each run as a Kubernetes Job in one namespace ({@link KubernetesJobs} says what it holds), through the fabric8
 * client with the launcher's service-account rights (create, get, delete Jobs; list Pods and read their logs). It
 * reaches the datasets whose folders lie in one of its claims ({@link KubernetesVolume}) and whose
 * {@code sourceFolderHost} is none or one of {@code hosts}; the launcher's work folder must lie in a claim too, for
 * the outputs. Tools without an image cannot run here.
 */
public final class KubernetesBackend implements Backend {

	private static final Logger log = LoggerFactory.getLogger(KubernetesBackend.class);

	private final KubernetesClient client;

	private final String namespace;

	private final String serviceAccount;

	private final List<KubernetesVolume> volumes;

	private final List<String> hosts;

	/**
	 * @param namespace the namespace of the Jobs
	 * @param serviceAccount the service account the runs' pods run as (with no rights of its own)
	 * @param volumes the claims that hold datasets and the launcher's work folder
	 * @param hosts the {@code sourceFolderHost} values whose folders the claims hold
	 */
	public KubernetesBackend(KubernetesClient client, String namespace, String serviceAccount,
			List<KubernetesVolume> volumes, List<String> hosts) {
		this.client = client;
		this.namespace = namespace;
		this.serviceAccount = serviceAccount;
		this.volumes = List.copyOf(volumes);
		this.hosts = List.copyOf(hosts);
		log.info("Kubernetes back-end: namespace {}, service account {}, claims {}", namespace, serviceAccount, volumes);
	}

	@Override
	public String name() {
		return "kubernetes";
	}

	@Override
	public Optional<String> unreachable(String sourceFolderHost, Path sourceFolder) {
		if (sourceFolderHost != null && !sourceFolderHost.isBlank() && !hosts.contains(sourceFolderHost)) {
			return Optional.of("kubernetes reaches the hosts " + hosts + ", not " + sourceFolderHost);
		}
		if (volumes.stream().noneMatch(volume -> volume.holds(sourceFolder))) {
			return Optional.of("kubernetes has no claim holding " + sourceFolder + " (claims: "
					+ volumes.stream().map(KubernetesVolume::root).toList() + ")");
		}
		return Optional.empty();
	}

	@Override
	public RunHandle launch(RunSpec run) {
		if (run.image() == null || run.image().isBlank()) {
			throw new LaunchException("the tool names no image, and Kubernetes runs containers", null);
		}
		var name = "run-" + run.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
		name = name.length() > 63 ? name.substring(0, 63) : name;
		name = name.replaceAll("-+$", "");
		var job = KubernetesJobs.of(name, run.image(), run, volumes, serviceAccount);
		try {
			client.batch().v1().jobs().inNamespace(namespace).resource(job).create();
		}
		catch (KubernetesClientException ex) {
			throw new LaunchException("Kubernetes refused the Job: " + ex.getMessage(), ex);
		}
		log.info("run {} created as Job {}/{}", run.name(), namespace, name);
		return new KubernetesRun(client, namespace, name, run, "Kubernetes Job " + namespace + "/" + name
				+ ": non-root, no privilege, datasets read-only, network " + (run.network() ? "allowed" : "labelled none"));
	}

}
