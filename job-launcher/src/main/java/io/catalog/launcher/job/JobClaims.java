package io.catalog.launcher.job;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.catalog.launcher.catalog.Catalog;
import io.catalog.sdk.CatalogException;
import io.catalog.sdk.model.Job;

/**
 * Claims a job for this replica, once among all replicas. The catalog's job update has no condition (a status may
 * repeat itself), but it appends every change to the job's {@code statusHistory} in the order the store made them.
 * So a replica moves a waiting job to {@code inProgress} with the message {@code claimed by job launcher <id>},
 * reads the job back, and owns it only if the first {@code inProgress} entry of the history names it. Every replica
 * reads the same history, so exactly one wins; the others leave the job alone. A replica that restarts (same
 * {@code LAUNCHER_ID}) recognises its own claims (and ends the runs a restart lost, {@link JobRunner}).
 */
final class JobClaims {

	static final String CLAIM_PREFIX = "claimed by job launcher ";

	private static final Logger log = LoggerFactory.getLogger(JobClaims.class);

	private static final Set<String> WAITING = Set.of("jobCreated", "jobSubmitted", "jobForwarded");

	private static final Set<String> TYPES = Set.of(AnalysisRequest.TYPE, JupyterJob.TYPE);

	private final Catalog catalog;

	private final String me;

	JobClaims(Catalog catalog, String connectorId) {
		this.catalog = catalog;
		this.me = connectorId;
	}

	/** The job, claimed by this replica (now or before a restart); empty when it is not this replica's to run. */
	public Optional<Job> claim(String id) {
		Job job;
		try {
			job = catalog.job(id);
		}
		catch (CatalogException ex) {
			if (ex.status() == 400 || ex.status() == 404) {
				log.info("job {} is gone; nothing to do", id);
				return Optional.empty();
			}
			throw ex;
		}
		if (!TYPES.contains(job.getType())) {
			return Optional.empty();
		}
		var owner = owner(job.getStatusHistory());
		if (owner.isPresent()) {
			return owner.get().equals(me) && "inProgress".equals(job.getStatusCode()) ? Optional.of(job) : Optional.empty();
		}
		if (!WAITING.contains(job.getStatusCode())) {
			return Optional.empty();
		}
		try {
			catalog.updateJob(id, "inProgress", CLAIM_PREFIX + me, null);
		}
		catch (CatalogException ex) {
			if (ex.status() == 409) {
				return Optional.empty();
			}
			throw ex;
		}
		var claimed = catalog.job(id);
		var winner = owner(claimed.getStatusHistory());
		if (winner.isPresent() && winner.get().equals(me)) {
			log.info("claimed {} job {}", claimed.getType(), id);
			return Optional.of(claimed);
		}
		log.info("job {} was claimed by {}", id, winner.orElse("someone else"));
		return Optional.empty();
	}

	/** Whether this replica claimed the job. */
	public boolean isMine(Job job) {
		return owner(job.getStatusHistory()).filter(me::equals).isPresent();
	}

	/** The replica named by the first {@code inProgress} entry of a status history. */
	static Optional<String> owner(List<Map<String, Object>> history) {
		if (history == null) {
			return Optional.empty();
		}
		return history.stream().filter(entry -> "inProgress".equals(entry.get("statusCode"))).findFirst()
			.map(entry -> String.valueOf(entry.get("statusMessage")))
			.map(message -> message.startsWith(CLAIM_PREFIX) ? message.substring(CLAIM_PREFIX.length()) : "");
	}

}
