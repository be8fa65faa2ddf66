package io.catalog.archive.job;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.catalog.archive.archive.CancelledException;
import io.catalog.archive.archive.ClaimLostException;
import io.catalog.archive.archive.Tracker;
import io.catalog.archive.catalog.Catalog;
import io.catalog.sdk.CatalogException;

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

	private final JobMetrics metrics;

	private final String type;

	private volatile boolean cancelled;

	private volatile boolean lost;

	private volatile long lastReported = System.nanoTime();

	private final JobClaims claims;

	private final Duration lease;

	Progress(Catalog catalog, String jobId, String type, Duration interval, JobMetrics metrics, JobClaims claims,
			Duration lease) {
		this.claims = claims;
		this.lease = lease;
		this.catalog = catalog;
		this.jobId = jobId;
		this.type = type;
		this.verb = JobRequest.ARCHIVE.equals(type) ? "archiving" : "retrieving";
		this.interval = interval;
		this.metrics = metrics;
		this.lastReport = System.nanoTime();
	}

	@Override
	public void plan(long files, long bytes) {
		filesTotal += files;
		bytesTotal += bytes;
	}

	/**
	 * Counts a file done; when the interval has passed and no report is on its way, reports in the background, so the
	 * work never waits for the catalog. Throws {@link CancelledException} once a report found the job cancelled.
	 */
	@Override
	public void done(long bytes) {
		filesDone.incrementAndGet();
		bytesDone.addAndGet(bytes);
		metrics.fileDone(type, bytes);
		if (cancelled) {
			throw new CancelledException(jobId);
		}
		if (lost || System.nanoTime() - lastReported > lease.toNanos() / 2) {
			throw new ClaimLostException(lost ? "job " + jobId + " was taken over by another replica"
					: "job " + jobId + " could not be reported on for half the lease (" + lease + ")");
		}
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

	/**
	 * Reports now (also the heartbeat that keeps the lease); finds out whether another replica took the job over. The
	 * catalog refuses (409) to move a cancelled job back to {@code inProgress}, so the report that
	 * finds the job cancelled changes nothing and marks the work to stop.
	 */
	public void report() {
		try {
			var job = catalog.updateJob(jobId, "inProgress", message(), Map.of("progress", counts()));
			lost = !claims.isMine(job);
			lastReported = System.nanoTime();
		}
		catch (CatalogException ex) {
			if (ex.status() == 409) {
				cancelled = "jobCancelled".equals(catalog.job(jobId).getStatusCode());
			}
			throw ex;
		}
	}

	/** Reads the job: throws {@link CancelledException} when it was cancelled (between two datasets). */
	void checkCancelled() {
		cancelled = cancelled || "jobCancelled".equals(catalog.job(jobId).getStatusCode());
		if (cancelled) {
			throw new CancelledException(jobId);
		}
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
