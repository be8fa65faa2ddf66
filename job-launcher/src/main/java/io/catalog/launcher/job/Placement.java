package io.catalog.launcher.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.catalog.launcher.backend.Backend;
import io.catalog.sdk.model.Dataset;

/**
 * Where a job's runs go: the back-end the job names, or the first configured back-end, that reaches the folder of every dataset of the job
 * ({@code sourceFolder} on {@code sourceFolderHost}). A job whose datasets no back-end reaches is refused with each
 * back-end's reason, not queued.
 */
final class Placement {

	private Placement() {
	}

	/** The back-end for these datasets (the one named, when not null); {@link JobRefusal} saying why none fits. */
	static Backend choose(List<Backend> all, String named, List<Dataset> datasets) {
		var backends = named == null ? all : all.stream().filter(backend -> backend.name().equals(named)).toList();
		if (named != null && backends.isEmpty()) {
			throw JobRefusal.field("jobParams.backend", "names no back-end of the launcher: " + named + " (it has "
					+ all.stream().map(Backend::name).toList() + ")");
		}
		var reasons = new ArrayList<String>();
		for (var backend : backends) {
			var missing = datasets.stream()
				.map(dataset -> backend.unreachable(dataset.getSourceFolderHost(), folder(dataset))
					.map(reason -> dataset.getPid() + ": " + reason))
				.flatMap(Optional::stream).toList();
			if (missing.isEmpty()) {
				return backend;
			}
			reasons.addAll(missing);
		}
		if (backends.isEmpty()) {
			reasons.add("the launcher has no back-end enabled");
		}
		throw new JobRefusal("no back-end reaches the job's data: " + String.join("; ", reasons),
				reasons.stream().map(reason -> Map.of("field", "jobParams.datasetList", "reason", reason)).toList());
	}

	/** A dataset's folder; {@link JobRefusal} when it has none. */
	static Path folder(Dataset dataset) {
		var folder = dataset.getSourceFolder();
		if (folder == null || folder.isBlank() || !folder.startsWith("/")) {
			throw JobRefusal.field("jobParams.datasetList", "dataset " + dataset.getPid()
					+ " has no absolute sourceFolder, so no back-end can mount it");
		}
		return Path.of(folder);
	}

}
