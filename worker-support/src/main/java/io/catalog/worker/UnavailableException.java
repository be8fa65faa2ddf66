package io.catalog.worker;

/** The catalog or a store stayed away through every retry: the job is left as it is, to be resumed. */
public class UnavailableException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public UnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
