package io.catalog.archive.archive;

/** Hears how far a job has come: work planned, files done. */
public interface Tracker {

	/** Adds a dataset's files and bytes to the totals. */
	void plan(long files, long bytes);

	/** One file of {@code bytes} done. */
	void done(long bytes);

}
