package io.catalog.launcher.backend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a short command-line program (sbatch, squeue, scancel) with a given environment and waits for its answer. */
final class Commands {

	/**
	 * What a command answered.
	 *
	 * @param exitCode its exit code
	 * @param stdout its standard output
	 * @param stderr its standard error
	 */
	record Answer(int exitCode, String stdout, String stderr) {

		boolean ok() {
			return exitCode == 0;
		}

	}

	private Commands() {
	}

	/** Runs {@code argv} with exactly {@code environment}; {@link LaunchException} when it cannot run or hangs. */
	static Answer run(List<String> argv, Map<String, String> environment, Duration timeout) {
		var builder = new ProcessBuilder(argv);
		builder.environment().clear();
		builder.environment().putAll(environment);
		try {
			var process = builder.start();
			process.getOutputStream().close();
			var out = process.getInputStream();
			var err = process.getErrorStream();
			var stderr = new StringBuilder();
			var drain = new Thread(() -> {
				try {
					stderr.append(new String(err.readAllBytes(), StandardCharsets.UTF_8));
				}
				catch (IOException ignored) {
					// the process went away
				}
			}, "command-stderr");
			drain.start();
			var stdout = new String(out.readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new LaunchException(argv.get(0) + " did not answer within " + timeout, null);
			}
			drain.join();
			return new Answer(process.exitValue(), stdout, stderr.toString());
		}
		catch (IOException ex) {
			throw new LaunchException("cannot run " + argv.get(0) + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LaunchException("interrupted while " + argv.get(0) + " ran", ex);
		}
	}

}
