package io.catalog.worker;

/** Where a {@link JobListener} hands the jobs it hears: the worker that claims and runs them. */
public interface JobQueue {

	/** Whether another job may start now; while not, the listener pauses its partitions. */
	boolean hasCapacity();

	/** Claims the job and, when it is this replica's, starts it; throws {@link UnavailableException}. */
	void offer(String jobId);

}
