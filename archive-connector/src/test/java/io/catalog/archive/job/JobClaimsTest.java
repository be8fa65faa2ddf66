package io.catalog.archive.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.catalog.archive.catalog.Catalog;
import io.catalog.worker.Retry;
import io.catalog.archive.support.CatalogServer;
import io.catalog.archive.support.SampleData;
import io.catalog.archive.support.TestJobs;

/** Claiming a job through the real catalog: one replica wins, the others leave it, the winner knows it again. */
class JobClaimsTest {

	@TempDir
	Path temp;

	@Test
	void ofFourReplicasClaimingAtOnceExactlyOneWins() throws Exception {
		var server = CatalogServer.get();
		var officer = server.officer();
		var sample = SampleData.create(officer, temp.resolve("source"), "claims", 1, 3, true);
		var jobId = TestJobs.create(officer, "archive", TestJobs.datasets(sample.pid()));
		var pool = Executors.newFixedThreadPool(4);
		try {
			var attempts = new ArrayList<Future<Boolean>>();
			for (int i = 0; i < 4; i++) {
				var claims = claims(server, "replica-" + i);
				attempts.add(pool.submit((Callable<Boolean>) () -> claims.claim(jobId).isPresent()));
			}
			int won = 0;
			for (var attempt : attempts) {
				won += attempt.get() ? 1 : 0;
			}
			assertThat(won).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		var job = TestJobs.get(officer, jobId);
		assertThat(job.get("statusCode")).isEqualTo("inProgress");
		@SuppressWarnings("unchecked")
		var history = (List<Map<String, Object>>) job.get("statusHistory");
		var winner = JobClaims.owner(history).orElseThrow();
		assertThat(claims(server, winner).claim(jobId))
			.as("the winner, restarted, finds its claim").isPresent();
		var loser = winner.equals("replica-0") ? "replica-1" : "replica-0";
		assertThat(claims(server, loser).claim(jobId)).isEmpty();
	}

	@Test
	void theOwnerIsTheFirstInProgressEntryOfTheHistory() {
		var history = List.<Map<String, Object>>of(Map.of("statusCode", "jobSubmitted", "statusMessage", "Job submitted."),
				Map.of("statusCode", "inProgress", "statusMessage", JobClaims.CLAIM_PREFIX + "b"),
				Map.of("statusCode", "inProgress", "statusMessage", JobClaims.CLAIM_PREFIX + "a"));
		assertThat(JobClaims.owner(history)).contains("b");
		assertThat(JobClaims.owner(List.of(Map.of("statusCode", "inProgress", "statusMessage", "set by hand"))))
			.contains("");
		assertThat(JobClaims.owner(List.of())).isEmpty();
	}

	@Test
	void aTakeOverCountsOnlyFromTheOwnerOfItsMoment() {
		var history = List.<Map<String, Object>>of(
				Map.of("statusCode", "inProgress", "statusMessage", JobClaims.CLAIM_PREFIX + "a"),
				Map.of("statusCode", "inProgress", "statusMessage", JobClaims.TAKEOVER_PREFIX + "b from a"),
				Map.of("statusCode", "inProgress", "statusMessage", JobClaims.TAKEOVER_PREFIX + "c from a"),
				Map.of("statusCode", "inProgress", "statusMessage", "archiving: 3 of 9 files"));
		assertThat(JobClaims.owner(history)).contains("b");
		assertThat(JobClaims.owner(List.of(history.get(0), history.get(2), history.get(1)))).contains("c");
	}

	private static JobClaims claims(CatalogServer server, String id) {
		return new JobClaims(new Catalog(server.archiver(), retry()), id, Duration.ofMinutes(30), Clock.systemUTC());
	}

	private static Retry retry() {
		return new Retry(3, Duration.ofMillis(100), Duration.ofSeconds(1), () -> {
		});
	}

}
