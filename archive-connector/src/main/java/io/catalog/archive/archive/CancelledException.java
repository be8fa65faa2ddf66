package io.catalog.archive.archive;

/** The job was cancelled in the catalog ({@code jobCancelled}) while it ran: the work stops at the next file. */
public final class CancelledException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public CancelledException(String jobId) {
		super("job " + jobId + " was cancelled");
	}

}
