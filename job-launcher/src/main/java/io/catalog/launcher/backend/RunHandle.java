package io.catalog.launcher.backend;

import java.util.Optional;
import java.util.OptionalInt;

/** A run a back-end started: whether it still runs, how it ended, and a way to stop it. */
public interface RunHandle {

	/** The back-end's id of the run (a process id, a SLURM job id, a Kubernetes Job name). */
	String id();

	/** Whether the run has not ended yet (queued or running). */
	boolean isRunning();

	/** Its exit code once it ended; empty while it runs. */
	OptionalInt exitCode();

	/** Stops it and everything it started; returns at once. */
	void cancel();

	/** Why the run ended without running, when the back-end gave it up (a batch job SLURM will never start). */
	default Optional<String> failure() {
		return Optional.empty();
	}

	/** The address of the machine the run runs on, once it runs (for a server the run starts). */
	default Optional<String> host() {
		return Optional.of("127.0.0.1");
	}

	/** What the back-end says of how the run is isolated, for the job's log. */
	String isolation();

}
