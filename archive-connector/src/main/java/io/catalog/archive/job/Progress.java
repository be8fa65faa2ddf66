package io.catalog.archive.job;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.catalog.archive.archive.Tracker;
import io.catalog.archive.catalog.Catalog;

/**
 * A running job's progress, reported on the job as {@code inProgress} with a message such as {@code archiving: 120
 * of 300 files, 1.2 GB of 3.0 GB} and the counts in {@code jobResultObject.progress}; at most once per
 * {@code interval}, so a job of 100 000 small files does not write 100 000 status entries.
 */
public final class Progress implements Tracker {

	private static final Logger log = LoggerFactory.getLogger(Progress.class);

	private final Catalog catalog;

	private final String jobId;

	private final String verb;

	private final Duration interval;

	private final AtomicLong filesDone = new AtomicLong();

	private final AtomicLong bytesDone = new AtomicLong();

	private volatile long filesTotal;

	private volatile long bytesTotal;

	private volatile long lastReport;

	private final AtomicBoolean reporting = new AtomicBoolean();

	Progress(Catalog catalog, String jobId, String verb, Duration interval) {
		this.catalog = catalog;
		this.jobId = jobId;
		this.verb = verb;
		this.interval = interval;
		this.lastReport = System.nanoTime();
	}

	@Override
	public void plan(long files, long bytes) {
		filesTotal += files;
		bytesTotal += bytes;
	}

	/**
	 * Counts a file done; when the interval has passed and no report is on its way, reports in the background, so the
	 * work never waits for the catalog.
	 */
	@Override
	public void done(long bytes) {
		filesDone.incrementAndGet();
		bytesDone.addAndGet(bytes);
		long now = System.nanoTime();
		if (now - lastReport >= interval.toNanos() && reporting.compareAndSet(false, true)) {
			lastReport = now;
			CompletableFuture.runAsync(this::report).whenComplete((done, failure) -> {
				reporting.set(false);
				if (failure != null) {
					log.debug("progress of job {} not reported: {}", jobId, failure.getMessage());
				}
			});
		}
	}

	/** Reports now. */
	public void report() {
		catalog.updateJob(jobId, "inProgress", message(), Map.of("progress", counts()));
	}

	String message() {
		return "%s: %d of %d files, %s of %s".formatted(verb, filesDone.get(), filesTotal, size(bytesDone.get()),
				size(bytesTotal));
	}

	Map<String, Object> counts() {
		var counts = new LinkedHashMap<String, Object>();
		counts.put("filesDone", filesDone.get());
		counts.put("filesTotal", filesTotal);
		counts.put("bytesDone", bytesDone.get());
		counts.put("bytesTotal", bytesTotal);
		return counts;
	}

	static String size(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		int unit = (63 - Long.numberOfLeadingZeros(bytes)) / 10;
		return "%.1f %sB".formatted(bytes / Math.pow(1024, unit), " KMGTPE".charAt(unit));
	}

}
