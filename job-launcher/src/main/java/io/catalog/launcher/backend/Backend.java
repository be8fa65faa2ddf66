package io.catalog.launcher.backend;

import java.nio.file.Path;
import java.util.Optional;

/** A place where runs happen: it reaches some datasets' folders and starts runs there. */
public interface Backend {

	/** Its name in configuration and in jobs ({@code local}, {@code slurm}, {@code kubernetes}). */
	String name();

	/**
	 * Why this back-end cannot reach a dataset's folder; empty when it can.
	 *
	 * @param sourceFolderHost the dataset's {@code sourceFolderHost}, or {@code null}
	 * @param sourceFolder its {@code sourceFolder}
	 */
	Optional<String> unreachable(String sourceFolderHost, Path sourceFolder);

	/** Whether runs go into a sandbox (bubblewrap) where they are not root. */
	default boolean sandboxed() {
		return false;
	}

	/** Starts a run; throws {@link LaunchException} when it cannot be started. */
	RunHandle launch(RunSpec run);

}
