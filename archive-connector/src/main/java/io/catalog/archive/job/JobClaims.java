package io.catalog.archive.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.catalog.archive.catalog.Catalog;
import io.catalog.sdk.CatalogException;
import io.catalog.sdk.model.Job;

/**
 * Claims a job for this replica, once among all replicas. The catalog's job update has no condition (a status may
 * repeat itself), but it appends every change to the job's {@code statusHistory} in the order the store made them.
 * So a replica moves a waiting job to {@code inProgress} with the message {@code claimed by archive connector <id>},
 * reads the job back, and owns it only if the first {@code inProgress} entry of the history names it. Every replica
 * reads the same history, so exactly one wins; the others leave the job alone. A replica that restarts (same
 * {@code ARCHIVE_CONNECTOR_ID}) recognises its own claims and resumes them. A claimed job whose history shows nothing
 * for longer than the lease (its owner reports at least every third of it while it runs) is taken over the same way:
 * {@code taken over by archive connector <id> from <owner>}; of several such entries only the first that names the
 * owner of that moment counts, so again exactly one replica wins.
 */
public final class JobClaims {

	static final String CLAIM_PREFIX = "claimed by archive connector ";

	static final String TAKEOVER_PREFIX = "taken over by archive connector ";

	static final String FROM = " from ";

	private static final Logger log = LoggerFactory.getLogger(JobClaims.class);

	private static final Set<String> WAITING = Set.of("jobCreated", "jobSubmitted", "jobForwarded");

	private static final Set<String> TYPES = Set.of(JobRequest.ARCHIVE, JobRequest.RETRIEVE);

	private final Catalog catalog;

	private final String me;

	private final Duration lease;

	private final Clock clock;

	public JobClaims(Catalog catalog, String connectorId, Duration lease, Clock clock) {
		this.catalog = catalog;
		this.me = connectorId;
		this.lease = lease;
		this.clock = clock;
	}

	/** This replica's name in its claims. */
	public String me() {
		return me;
	}

	/**
	 * Takes over a job another replica claimed and has not reported on for longer than the lease; the job, when this
	 * replica won it.
	 */
	public Optional<Job> takeOver(Job job) {
		var owner = owner(job.getStatusHistory());
		if (owner.isEmpty() || owner.get().isEmpty() || owner.get().equals(me) || !"inProgress".equals(job.getStatusCode())
				|| !expired(job.getStatusHistory())) {
			return Optional.empty();
		}
		log.info("job {} claimed by {} shows nothing for over {}; taking it over", job.getId(), owner.get(), lease);
		catalog.updateJob(job.getId(), "inProgress", TAKEOVER_PREFIX + me + FROM + owner.get(), null);
		var taken = catalog.job(job.getId());
		return owner(taken.getStatusHistory()).filter(me::equals).map(winner -> taken);
	}

	private boolean expired(List<Map<String, Object>> history) {
		var last = history.get(history.size() - 1).get("updatedAt");
		try {
			return Instant.parse(String.valueOf(last)).plus(lease).isBefore(clock.instant());
		}
		catch (DateTimeParseException ex) {
			return false;
		}
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

	/**
	 * The replica that owns a job by its status history: the one named by the first {@code inProgress} claim, or by the
	 * first takeover from the owner of that moment after it.
	 */
	static Optional<String> owner(List<Map<String, Object>> history) {
		if (history == null) {
			return Optional.empty();
		}
		String owner = null;
		for (var entry : history) {
			if (!"inProgress".equals(entry.get("statusCode"))) {
				continue;
			}
			var message = String.valueOf(entry.get("statusMessage"));
			if (owner == null) {
				owner = message.startsWith(CLAIM_PREFIX) ? message.substring(CLAIM_PREFIX.length()) : "";
			}
			else if (message.startsWith(TAKEOVER_PREFIX) && message.endsWith(FROM + owner)) {
				owner = message.substring(TAKEOVER_PREFIX.length(), message.length() - FROM.length() - owner.length());
			}
		}
		return Optional.ofNullable(owner);
	}

}
