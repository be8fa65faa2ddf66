package io.catalog.launcher.job;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.catalog.launcher.backend.Backend;
import io.catalog.launcher.backend.LaunchException;
import io.catalog.launcher.backend.RunHandle;
import io.catalog.launcher.backend.RunSpec;

/**
 * Starts one run on a back-end and watches it until it ends (seen within 50 ms). Every {@code pollInterval} it stops
 * the run when the job was cancelled and hands the running state (with its log tails) to a progress callback; a run
 * past its time limit is stopped. Answers how the run ended; one that cannot be started ends {@code failed} with the
 * reason, at once.
 */
final class RunSupervisor {

	private static final Logger log = LoggerFactory.getLogger(RunSupervisor.class);

	private static final Duration STOP_WAIT = Duration.ofSeconds(10);

	/** How soon the end of a run is seen (cancellation and progress are checked every {@code pollInterval}). */
	private static final Duration END_CHECK = Duration.ofMillis(50);

	private final Duration pollInterval;

	private final long tailBytes;

	RunSupervisor(Duration pollInterval, long tailBytes) {
		this.pollInterval = pollInterval;
		this.tailBytes = tailBytes;
	}

	RunResult run(Backend backend, RunSpec spec, int index, String dataset, BooleanSupplier cancelled,
			Consumer<RunResult> progress) {
		var started = Instant.now();
		RunHandle handle;
		try {
			handle = backend.launch(spec);
		}
		catch (LaunchException ex) {
			log.warn("run {} not started: {}", spec.name(), ex.getMessage());
			return result(spec, index, dataset, "failed", null, null, "could not start on " + backend.name() + ": "
					+ ex.getMessage(), started);
		}
		try {
			return watch(backend, spec, index, dataset, cancelled, progress, handle, started);
		}
		catch (LauncherStopping stopping) {
			handle.cancel();
			throw stopping;
		}
	}

	private RunResult watch(Backend backend, RunSpec spec, int index, String dataset, BooleanSupplier cancelled,
			Consumer<RunResult> progress, RunHandle handle, Instant started) {
		String ended = null;
		var checked = Instant.now();
		while (handle.isRunning()) {
			LauncherStopping.sleep(END_CHECK);
			if (Duration.between(started, Instant.now()).compareTo(spec.timeout()) > 0) {
				ended = "timedOut";
				break;
			}
			if (!handle.isRunning() || Duration.between(checked, Instant.now()).compareTo(pollInterval) < 0) {
				continue;
			}
			checked = Instant.now();
			if (cancelled.getAsBoolean()) {
				ended = "cancelled";
				break;
			}
			progress.accept(result(spec, index, dataset, "running", handle, null, "running on " + backend.name(), started));
		}
		if (ended != null) {
			handle.cancel();
			awaitEnd(handle);
			var message = "timedOut".equals(ended) ? "stopped after its time limit of " + spec.timeout()
					: "stopped: the job was cancelled";
			log.info("run {} {}", spec.name(), message);
			return result(spec, index, dataset, ended, handle, handle.exitCode(), message, started);
		}
		if (handle.failure().isPresent()) {
			return result(spec, index, dataset, "failed", handle, null, "could not start on " + backend.name() + ": "
					+ handle.failure().get(), started);
		}
		var code = handle.exitCode();
		var ok = code.isPresent() && code.getAsInt() == 0;
		return result(spec, index, dataset, ok ? "succeeded" : "failed", handle, code,
				"exited with code " + (code.isPresent() ? code.getAsInt() : "unknown"), started);
	}

	private RunResult result(RunSpec spec, int index, String dataset, String state, RunHandle handle,
			OptionalInt code, String message, Instant started) {
		return new RunResult(index, dataset, state, handle == null ? null : handle.id(),
				handle == null ? null : handle.isolation(), code == null || code.isEmpty() ? null : code.getAsInt(), message,
				Workspace.tail(spec.stdout(), tailBytes), Workspace.tail(spec.stderr(), tailBytes), null,
				Duration.between(started, Instant.now()).toMillis() / 1000.0);
	}

	private static void awaitEnd(RunHandle handle) {
		var deadline = Instant.now().plus(STOP_WAIT);
		while (handle.isRunning() && Instant.now().isBefore(deadline)) {
			LauncherStopping.sleep(Duration.ofMillis(50));
		}
	}


}
