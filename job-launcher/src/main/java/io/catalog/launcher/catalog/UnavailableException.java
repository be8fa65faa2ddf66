package io.catalog.launcher.catalog;

/** The catalog stayed away through every retry: the step is given up and the job left as it is. */
public class UnavailableException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public UnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
