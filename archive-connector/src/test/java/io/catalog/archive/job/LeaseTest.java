package io.catalog.archive.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.catalog.archive.catalog.Catalog;
import io.catalog.worker.Retry;
import io.catalog.archive.support.CatalogServer;
import io.catalog.archive.support.Connectors;
import io.catalog.archive.support.SampleData;
import io.catalog.archive.support.TestJobs;

/** A job whose claiming replica never comes back is taken over once its lease has run out, and done. */
@SuppressWarnings("try")
class LeaseTest {

	@TempDir
	Path temp;

	@Test
	void aJobClaimedByAReplicaThatNeverReturnsIsTakenOverAfterTheLease() throws Exception {
		var server = CatalogServer.get();
		var officer = server.officer();
		var sample = SampleData.create(officer, temp.resolve("source"), "orphaned", 10, 59, true);
		var catalog = new Catalog(server.archiver(), new Retry(3, Duration.ofMillis(100), Duration.ofSeconds(1), () -> {
		}));
		var jobId = TestJobs.create(officer, "archive", TestJobs.datasets(sample.pid()));
		catalog.updateJob(jobId, "inProgress", JobClaims.CLAIM_PREFIX + "gone-for-good", null);
		var settings = Connectors.settings(server, temp.resolve("archive"));
		settings.put("ARCHIVE_LEASE", "3s");
		settings.put("ARCHIVE_RESUME_INTERVAL", "1s");

		try (var connector = Connectors.start(settings)) {
			var job = TestJobs.finish(officer, jobId, "finishedSuccessful");

			@SuppressWarnings("unchecked")
			var history = (List<Map<String, Object>>) job.get("statusHistory");
			assertThat(history).extracting(entry -> entry.get("statusMessage")).contains(JobClaims.TAKEOVER_PREFIX
					+ settings.get("ARCHIVE_CONNECTOR_ID") + JobClaims.FROM + "gone-for-good");
			assertThat(catalog.datablocks(sample.pid())).flatExtracting(block -> block.getDataFileList()).hasSize(10);
		}
	}

}
