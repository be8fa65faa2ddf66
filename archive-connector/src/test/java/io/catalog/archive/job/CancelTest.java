package io.catalog.archive.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.catalog.archive.catalog.Catalog;
import io.catalog.worker.Retry;
import io.catalog.archive.support.CatalogServer;
import io.catalog.archive.support.Connectors;
import io.catalog.archive.support.SampleData;
import io.catalog.archive.support.TestJobs;

/** A job cancelled in the catalog while it runs stops at the next file and leaves nothing of itself. */
class CancelTest {

	@TempDir
	Path temp;

	@Test
	void aCancelledArchiveStopsEarlyRemovesItsBlocksAndStaysCancelled() throws Exception {
		var server = CatalogServer.get();
		var officer = server.officer();
		var sample = SampleData.create(officer, temp.resolve("source"), "cancelled", 120, 43, true);
		var settings = Connectors.settings(server, temp.resolve("archive"));
		settings.put("ARCHIVE_PAUSE_AFTER_BLOCK", "500ms");
		settings.put("ARCHIVE_PROGRESS_INTERVAL", "100ms");
		var catalog = new Catalog(server.archiver(), new Retry(3, Duration.ofMillis(100), Duration.ofSeconds(1), () -> {
		}));
		try (var connector = Connectors.start(settings)) {
			var jobId = TestJobs.create(officer, "archive", TestJobs.datasets(sample.pid()));
			Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> SampleData.files(temp.resolve("archive"))
				.stream().anyMatch(file -> file.endsWith(".tar")));
			catalog.updateJob(jobId, "jobCancelled", "cancelled by the test", null);

			var runner = connector.getBean(JobRunner.class);
			Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> runner.running().isEmpty());
			var job = TestJobs.get(officer, jobId);
			assertThat(job.get("statusCode")).isEqualTo("jobCancelled");
			assertThat(SampleData.files(temp.resolve("archive"))).isEmpty();
			assertThat(catalog.datablocks(sample.pid())).isEmpty();
			var lifecycle = catalog.dataset(sample.pid()).getDatasetlifecycle();
			assertThat(lifecycle.getArchivable()).isTrue();
			assertThat(lifecycle.getArchiveReturnMessage()).isEqualTo(Map.of("cancelled", "job " + jobId + " was cancelled"));
		}
	}

}
