package io.catalog.archive.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.catalog.archive.archive.CancelledException;
import io.catalog.archive.archive.ClaimLostException;
import io.catalog.archive.archive.DatasetArchiver;
import io.catalog.archive.archive.Outcome;
import io.catalog.archive.catalog.Catalog;
import io.catalog.worker.UnavailableException;
import io.catalog.archive.notify.JobMailer;
import io.catalog.archive.retrieve.DatasetRetriever;
import io.catalog.sdk.CatalogException;
import io.catalog.sdk.model.Job;
import io.catalog.worker.JobQueue;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Runs the jobs this replica claimed, {@code concurrency} at a time, one dataset after the other, and ends each in
 * SciCat's words: {@code finishedSuccessful} when every dataset was done, {@code finishedWithDatasetErrors} when some
 * were, {@code finishedUnsuccessful} when none was, with one entry per dataset in {@code jobResultObject.datasets}.
 * When the catalog or the storage stays away through every retry, the job is left {@code inProgress}: every
 * {@code resumeInterval} (and at start) the jobs this replica claimed but does not run are taken up again, and those
 * another replica claimed and stopped reporting on for longer than the lease are taken over ({@link JobClaims}). An
 * ended
 * job is mailed to whom its datasets' policies name ({@link JobMailer}).
 */
public final class JobRunner implements JobQueue, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

	private final Catalog catalog;

	private final JobClaims claims;

	private final DatasetArchiver archiver;

	private final DatasetRetriever retriever;

	private final int concurrency;

	private final Duration progressInterval;

	private final JobMetrics metrics;

	private final JobMailer mailer;

	private final ExecutorService workers;

	private final ScheduledExecutorService resumer = Executors.newSingleThreadScheduledExecutor();

	private final Set<String> running = ConcurrentHashMap.newKeySet();

	private final Map<String, Progress> reporting = new ConcurrentHashMap<>();

	private final Duration lease;

	public JobRunner(Catalog catalog, JobClaims claims, DatasetArchiver archiver, DatasetRetriever retriever,
			JobMailer mailer, int concurrency, Duration progressInterval, Duration lease, MeterRegistry meters) {
		this.lease = lease;
		this.catalog = catalog;
		this.claims = claims;
		this.archiver = archiver;
		this.retriever = retriever;
		this.concurrency = concurrency;
		this.progressInterval = progressInterval;
		this.metrics = new JobMetrics(meters, () -> running.size());
		this.mailer = mailer;
		this.workers = Executors.newFixedThreadPool(concurrency);
	}

	/**
	 * Looks for this replica's unfinished jobs, and for others' whose lease ran out, now and every {@code interval};
	 * reports on the running jobs every third of the lease, so theirs never runs out.
	 */
	public void startResuming(Duration interval) {
		resumer.scheduleWithFixedDelay(this::resumeSafely, 0, Math.max(1, interval.toMillis()), TimeUnit.MILLISECONDS);
		long beat = Math.max(1, lease.toMillis() / 3);
		resumer.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
	}

	private void heartbeat() {
		reporting.values().forEach(progress -> CompletableFuture.runAsync(progress::report).exceptionally(failure -> {
			log.debug("heartbeat not reported: {}", failure.getMessage());
			return null;
		}));
	}

	/** Whether another job may start now. */
	@Override
	public boolean hasCapacity() {
		return running.size() < concurrency;
	}

	/** Claims the job and, when it is this replica's, starts it; throws {@link UnavailableException}. */
	@Override
	public void offer(String jobId) {
		claims.claim(jobId).ifPresent(this::start);
	}

	/** Starts every job this replica claimed and does not run (after a restart or a long outage). */
	public void resume() {
		for (var job : catalog.jobs(List.of(JobRequest.ARCHIVE, JobRequest.RETRIEVE), "inProgress")) {
			if (claims.isMine(job) && !running.contains(job.getId())) {
				log.info("resuming {} job {}", job.getType(), job.getId());
				start(job);
			}
			else if (!claims.isMine(job)) {
				claims.takeOver(job).ifPresent(this::start);
			}
		}
	}

	private void resumeSafely() {
		try {
			resume();
		}
		catch (RuntimeException ex) {
			log.warn("cannot look for jobs to resume: {}", ex.getMessage());
		}
	}

	private void start(Job job) {
		if (running.add(job.getId())) {
			workers.execute(() -> {
				try {
					run(JobRequest.of(job));
				}
				finally {
					running.remove(job.getId());
				}
			});
		}
	}

	void run(JobRequest job) {
		boolean archive = JobRequest.ARCHIVE.equals(job.type());
		var progress = new Progress(catalog, job.id(), job.type(), progressInterval, metrics, claims, lease);
		reporting.put(job.id(), progress);
		var outcomes = new ArrayList<Outcome>();
		long start = System.nanoTime();
		metrics.started();
		try {
			for (var dataset : job.datasets()) {
				progress.checkCancelled();
				var outcome = archive ? archiver.archive(job.id(), dataset.pid(), progress)
						: retriever.retrieve(dataset.pid(), dataset.files(), job.destinationPath(), progress);
				metrics.datasetDone(job.type(), outcome.ok());
				outcomes.add(outcome);
			}
			finish(job, outcomes, progress, start);
		}
		catch (CancelledException ex) {
			log.info("{} job {} was cancelled; stopped after {} datasets", job.type(), job.id(), outcomes.size());
			metrics.jobEnded(job.type(), "jobCancelled", Duration.ofNanos(System.nanoTime() - start));
		}
		catch (ClaimLostException ex) {
			log.warn("{} job {} stopped: {}", job.type(), job.id(), ex.getMessage());
		}
		catch (UnavailableException ex) {
			log.warn("job {} waits: {}; it is taken up again at the next resume", job.id(), ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.error("job {} failed", job.id(), ex);
			end(job, "finishedUnsuccessful", "Job failed: " + ex.getMessage(), outcomes, progress, start);
		}
		finally {
			reporting.remove(job.id());
			metrics.stopped();
		}
	}

	private void finish(JobRequest job, List<Outcome> outcomes, Progress progress, long start) {
		long ok = outcomes.stream().filter(Outcome::ok).count();
		var verb = JobRequest.ARCHIVE.equals(job.type()) ? "archived" : "retrieved";
		var message = "%d of %d datasets %s".formatted(ok, outcomes.size(), verb);
		if (ok == outcomes.size()) {
			end(job, "finishedSuccessful", "Job finished successfully: " + message + ".", outcomes, progress, start);
		}
		else if (ok > 0) {
			end(job, "finishedWithDatasetErrors", "Job finished with dataset errors: " + message + ".", outcomes, progress,
					start);
		}
		else {
			end(job, "finishedUnsuccessful", "Job finished unsuccessfully: " + message
					+ (outcomes.isEmpty() ? "" : " (" + outcomes.get(0).message() + ")") + ".", outcomes, progress, start);
		}
	}

	private void end(JobRequest job, String status, String message, List<Outcome> outcomes, Progress progress,
			long start) {
		var result = new LinkedHashMap<String, Object>();
		result.put("datasets", outcomes.stream().map(Outcome::toJson).toList());
		result.put("progress", progress.counts());
		try {
			catalog.updateJob(job.id(), status, message, result);
			metrics.jobEnded(job.type(), status, Duration.ofNanos(System.nanoTime() - start));
			log.info("{} job {}: {}", job.type(), job.id(), message);
		}
		catch (CatalogException ex) {
			log.warn("cannot end job {} as {}: {}", job.id(), status, ex.getMessage());
			return;
		}
		mailer.jobEnded(job.id(), job.type(), job.contactEmail(), status, message, outcomes);
	}

	/** Jobs running now, by id (for tests and metrics). */
	public Map<String, Boolean> running() {
		var now = new LinkedHashMap<String, Boolean>();
		running.forEach(id -> now.put(id, true));
		return now;
	}

	@Override
	public void close() {
		resumer.shutdownNow();
		workers.shutdownNow();
	}

}
