package io.catalog.launcher.backend;

/** A run could not be started; the job fails with this message rather than waiting. */
public class LaunchException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public LaunchException(String message, Throwable cause) {
		super(message, cause);
	}

}
