package io.catalog.launcher.job;

/**
 * The launcher is stopping while a job runs: the run is stopped, and the job ended saying so rather than left
 * {@code inProgress}.
 */
final class LauncherStopping extends RuntimeException {

	private static final long serialVersionUID = 1L;

	LauncherStopping(InterruptedException cause) {
		super("the launcher stopped while the job ran; submit it again", cause);
	}

	/** Sleeps, or throws this when the thread is interrupted. */
	static void sleep(java.time.Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			throw new LauncherStopping(ex);
		}
	}

}
