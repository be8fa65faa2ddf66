package io.catalog.launcher.job;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.catalog.launcher.LauncherProperties;
import io.catalog.launcher.catalog.Catalog;
import io.catalog.worker.UnavailableException;
import io.catalog.sdk.CatalogException;
import io.catalog.sdk.model.Job;
import io.catalog.worker.JobQueue;

/**
 * Runs the analysis and Jupyter jobs this replica claimed, {@code concurrency} at a time (a session holds its place
 * while it lives). A job that fails in any way before or while it runs is ended {@code finishedUnsuccessful} with the
 * reason, never left waiting; so is one whose run the launcher stops when it shuts down. At start, the jobs this
 * replica had claimed and still shows {@code inProgress} (it was killed) are ended {@code finishedUnsuccessful}
 * saying so, to be submitted again.
 */
public final class JobRunner implements JobQueue, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

	private final Catalog catalog;

	private final JobClaims claims;

	private final AnalysisJob.Setup setup;

	private final LauncherProperties.Jupyter jupyter;

	private final int concurrency;

	private final ExecutorService workers;

	private final Set<String> running = ConcurrentHashMap.newKeySet();

	private final Sessions sessions;

	JobRunner(AnalysisJob.Setup setup, LauncherProperties.Jupyter jupyter, String launcherId, int concurrency,
			Sessions sessions) {
		this.jupyter = jupyter;
		this.catalog = setup.catalog();
		this.claims = new JobClaims(setup.catalog(), launcherId);
		this.setup = setup;
		this.concurrency = concurrency;
		this.workers = Executors.newFixedThreadPool(concurrency);
		this.sessions = sessions;
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

	/** Ends the jobs this replica claimed before a restart: their runs are gone. */
	public void endLostRuns() {
		try {
			for (var job : catalog.jobs(List.of(AnalysisRequest.TYPE, JupyterJob.TYPE), "inProgress")) {
				if (claims.isMine(job) && !running.contains(job.getId())) {
					log.warn("job {} was running when this launcher stopped; ending it", job.getId());
					catalog.updateJob(job.getId(), "finishedUnsuccessful",
							"Job failed: the launcher restarted while it ran; submit it again", null);
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("cannot look for the jobs a restart interrupted: {}", ex.getMessage());
		}
	}

	private void start(Job job) {
		if (running.add(job.getId())) {
			workers.execute(() -> {
				try {
					if (JupyterJob.TYPE.equals(job.getType())) {
						new JupyterJob(setup, jupyter, job.getId(), sessions).run(job);
					}
					else {
						new AnalysisJob(setup, job.getId()).run(job);
					}
				}
				catch (LauncherStopping stopping) {
					Thread.interrupted();
					log.warn("job {} stopped: {}", job.getId(), stopping.getMessage());
					fail(job.getId(), stopping);
				}
				catch (RuntimeException ex) {
					log.error("job {} failed", job.getId(), ex);
					fail(job.getId(), ex);
				}
				finally {
					running.remove(job.getId());
				}
			});
		}
	}

	private void fail(String jobId, RuntimeException ex) {
		try {
			catalog.updateJob(jobId, "finishedUnsuccessful", "Job failed: " + ex.getMessage(), null);
		}
		catch (CatalogException | UnavailableException again) {
			log.warn("cannot end job {}: {}", jobId, again.getMessage());
		}
	}

	/** The ids of the jobs running now. */
	public Set<String> running() {
		return Set.copyOf(running);
	}

	/** Stops the runs going and ends their jobs, waiting up to 30 s for that. */
	@Override
	public void close() {
		workers.shutdownNow();
		try {
			if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
				log.warn("jobs {} did not stop within 30 s", running);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
