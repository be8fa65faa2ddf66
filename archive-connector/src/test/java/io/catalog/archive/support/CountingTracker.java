package io.catalog.archive.support;

import java.util.concurrent.atomic.AtomicLong;

import io.catalog.archive.archive.Tracker;

/** A tracker that only counts, for archivers and retrievers run without a job. */
public final class CountingTracker implements Tracker {

	private final AtomicLong filesPlanned = new AtomicLong();

	private final AtomicLong filesDone = new AtomicLong();

	@Override
	public void plan(long files, long bytes) {
		filesPlanned.addAndGet(files);
	}

	@Override
	public void done(long bytes) {
		filesDone.incrementAndGet();
	}

	public long filesPlanned() {
		return filesPlanned.get();
	}

	public long filesDone() {
		return filesDone.get();
	}

}
