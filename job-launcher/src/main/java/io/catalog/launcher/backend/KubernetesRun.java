package io.catalog.launcher.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.util.OptionalInt;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * A run's Kubernetes Job. It runs while the Job has neither succeeded nor failed; a failed Job's exit code is its
 * pod's container's (1 when the pod is gone), a vanished Job counts as failed. When it ends, its pod's log is written
 * to the run's stdout file. Cancelling deletes the Job and its pods.
 */
final class KubernetesRun implements RunHandle {

	private final KubernetesClient client;

	private final String namespace;

	private final String name;

	private final RunSpec run;

	private final String isolation;

	private volatile OptionalInt ended = OptionalInt.empty();

	KubernetesRun(KubernetesClient client, String namespace, String name, RunSpec run, String isolation) {
		this.client = client;
		this.namespace = namespace;
		this.name = name;
		this.run = run;
		this.isolation = isolation;
	}

	@Override
	public String id() {
		return namespace + "/" + name;
	}

	@Override
	public synchronized boolean isRunning() {
		if (ended.isPresent()) {
			return false;
		}
		Job job;
		try {
			job = client.batch().v1().jobs().inNamespace(namespace).withName(name).get();
		}
		catch (KubernetesClientException ex) {
			return true;
		}
		var status = job == null ? null : job.getStatus();
		if (job == null) {
			ended = OptionalInt.of(1);
		}
		else if (status != null && status.getSucceeded() != null && status.getSucceeded() > 0) {
			ended = OptionalInt.of(0);
		}
		else if (status != null && status.getFailed() != null && status.getFailed() > 0) {
			ended = OptionalInt.of(podExitCode());
		}
		if (ended.isPresent()) {
			keepLog();
		}
		return ended.isEmpty();
	}

	private int podExitCode() {
		var pods = client.pods().inNamespace(namespace).withLabel("job-name", name).list().getItems();
		return pods.stream().flatMap(pod -> pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
				? Stream.empty() : pod.getStatus().getContainerStatuses().stream())
			.filter(container -> container.getState() != null && container.getState().getTerminated() != null)
			.map(container -> container.getState().getTerminated().getExitCode()).findFirst().orElse(1);
	}

	private void keepLog() {
		try {
			var pods = client.pods().inNamespace(namespace).withLabel("job-name", name).list().getItems();
			if (!pods.isEmpty()) {
				var text = client.pods().inNamespace(namespace).withName(pods.get(0).getMetadata().getName()).getLog();
				Files.writeString(run.stdout(), text == null ? "" : text);
			}
		}
		catch (KubernetesClientException | IOException ex) {
			// the log stays as it is; the job's result says how the run ended
		}
	}

	@Override
	public OptionalInt exitCode() {
		return isRunning() ? OptionalInt.empty() : ended;
	}

	@Override
	public void cancel() {
		client.batch().v1().jobs().inNamespace(namespace).withName(name)
			.withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
	}

	@Override
	public String isolation() {
		return isolation;
	}

}
