package io.catalog.archive.policy;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.catalog.archive.catalog.Catalog;
import io.catalog.sdk.model.Dataset;
import io.catalog.sdk.model.DatasetLifecycle;
import io.catalog.sdk.model.Policy;

/**
 * SciCat's {@code autoArchive}: every {@code interval}, for each policy with {@code autoArchive: true}, the datasets of
 * its owner group that were catalogued more than {@code autoArchiveDelay} days ago and never archived
 * ({@code archivable}, {@code archiveStatusMessage: datasetCreated}) get an archive job with
 * {@code jobParams.autoArchive: true} and the policy's id, so the job says why it exists. The job is created by an
 * account of its own ({@code ARCHIVE_AUTO_USERNAME}: an admin, since a create-privileged account's job for a group that
 * names no user passes no {@code #datasetOwner} rule), not by the connector's: as in SciCat, an account that may create any job may not update jobs, and the connector's must.
 * Several replicas may scan at once: each dataset is first moved to {@code archiveStatusMessage:
 * scheduledForArchiving} by a lifecycle update conditional on the dataset not having changed since it was read, so
 * only one replica wins it and creates its job (it stays {@code archivable}, which the catalog's archive job type
 * requires; the archive itself clears that).
 */
public final class AutoArchiver implements AutoCloseable {

	static final String SCHEDULED = "scheduledForArchiving";

	private static final Logger log = LoggerFactory.getLogger(AutoArchiver.class);

	private static final int BATCH = 100;

	private final Catalog catalog;

	private final Catalog creator;

	private final Clock clock;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
		var thread = new Thread(runnable, "auto-archive");
		thread.setDaemon(true);
		return thread;
	});

	/** Reads and schedules through {@code catalog} (the connector's account); creates the jobs through {@code creator}. */
	public AutoArchiver(Catalog catalog, Catalog creator, Clock clock) {
		this.catalog = catalog;
		this.creator = creator;
		this.clock = clock;
	}

	/** Scans now and every {@code interval}. */
	public void start(Duration interval) {
		timer.scheduleWithFixedDelay(this::scanSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void scanSafely() {
		try {
			scan();
		}
		catch (RuntimeException ex) {
			log.warn("auto-archive scan failed: {}", ex.getMessage());
		}
	}

	/** One scan; answers the ids of the jobs it created. */
	public List<String> scan() {
		return catalog.autoArchivePolicies().stream().filter(policy -> Boolean.TRUE.equals(policy.getAutoArchive()))
			.filter(policy -> policy.getOwnerGroup() != null).flatMap(policy -> scan(policy).stream()).toList();
	}

	private List<String> scan(Policy policy) {
		var delay = policy.getAutoArchiveDelay() == null ? 0 : policy.getAutoArchiveDelay().doubleValue();
		var due = OffsetDateTime.now(clock).minus(Duration.ofMinutes(Math.round(delay * 24 * 60)));
		return catalog.neverArchived(policy.getOwnerGroup(), BATCH).stream()
			.filter(dataset -> dataset.getCreatedAt() != null && !dataset.getCreatedAt().isAfter(due))
			.filter(dataset -> dataset.getUpdatedAt() != null)
			.map(dataset -> schedule(policy, dataset)).filter(id -> id != null).toList();
	}

	/** Wins the dataset for this replica and creates its job; {@code null} when another replica won it. */
	private String schedule(Policy policy, Dataset dataset) {
		var scheduled = new DatasetLifecycle().archiveStatusMessage(SCHEDULED);
		if (!catalog.lifecycleIfUnmodified(dataset.getPid(), scheduled, dataset.getUpdatedAt())) {
			return null;
		}
		try {
			var job = creator.createJob(Map.of("type", "archive", "ownerGroup", dataset.getOwnerGroup(), "jobParams",
					Map.of("datasetList", List.of(Map.of("pid", dataset.getPid(), "files", List.of())), "autoArchive", true,
							"policy", String.valueOf(policy.getId()))));
			log.info("auto-archive job {} created for dataset {} (policy of {}, {} days)", job.getId(), dataset.getPid(),
					policy.getOwnerGroup(), policy.getAutoArchiveDelay());
			return job.getId();
		}
		catch (RuntimeException ex) {
			log.warn("cannot create the auto-archive job of {}: {}; it is scanned again", dataset.getPid(),
					ex.getMessage());
			catalog.lifecycle(dataset.getPid(), new DatasetLifecycle().archiveStatusMessage("datasetCreated"));
			return null;
		}
	}

	@Override
	public void close() {
		timer.shutdownNow();
	}

}
