package io.catalog.ingestor.run;

/** The catalog could not answer now (down, overloaded, token expired): the run is retried, never dropped. */
public class CatalogUnavailableException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public CatalogUnavailableException(String reason, Throwable cause) {
		super(reason, cause);
	}

}
