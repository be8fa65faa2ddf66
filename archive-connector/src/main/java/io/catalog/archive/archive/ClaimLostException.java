package io.catalog.archive.archive;

/**
 * This replica no longer owns the job it runs: another replica took it over, or this one could not report on it for
 * half the lease, so another may be about to. The work stops at the next file and leaves what it stored to the owner.
 */
public final class ClaimLostException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public ClaimLostException(String message) {
		super(message);
	}

}
