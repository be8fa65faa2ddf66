package io.catalog.launcher.backend;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.catalog.launcher.LauncherProperties;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/** The enabled back-ends, in the order a job's placement tries them. */
@Configuration(proxyBeanMethods = false)
class BackendConfiguration {

	/** The cluster the fabric8 client finds (in-cluster service account or KUBECONFIG), closed with the launcher. */
	@Bean
	@ConditionalOnProperty(name = "launcher.kubernetes.enabled", havingValue = "true")
	KubernetesClient kubernetesClient() {
		return new KubernetesClientBuilder().build();
	}

	@Bean
	List<Backend> backends(LauncherProperties properties, ObjectProvider<KubernetesClient> kubernetesClient) {
		var backends = new ArrayList<Backend>();
		var local = properties.local();
		if (local.enabled()) {
			backends.add(new LocalBackend(local.isolation(), local.hosts(), local.roots().stream().map(Path::of).toList()));
		}
		var slurm = properties.slurm();
		if (slurm.enabled()) {
			backends.add(new SlurmBackend(slurm.partition(), slurm.hosts(), slurm.roots().stream().map(Path::of).toList(),
					slurm.isolation(), slurm.conf()));
		}
		var kubernetes = properties.kubernetes();
		if (kubernetes.enabled()) {
			backends.add(new KubernetesBackend(kubernetesClient.getObject(), kubernetes.namespace(),
					kubernetes.serviceAccount(), kubernetes.volumes().stream().map(KubernetesVolume::parse).toList(),
					kubernetes.hosts()));
		}
		return List.copyOf(backends);
	}

}
