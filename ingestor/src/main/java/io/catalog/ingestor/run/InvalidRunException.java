package io.catalog.ingestor.run;

/** A run that can never be catalogued as it is (bad metadata, a refusal by the catalog): it goes to the dead letter. */
public class InvalidRunException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public InvalidRunException(String reason) {
		super(reason);
	}

	public InvalidRunException(String reason, Throwable cause) {
		super(reason, cause);
	}

}
