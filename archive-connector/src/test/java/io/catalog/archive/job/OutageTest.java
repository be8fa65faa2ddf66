package io.catalog.archive.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.catalog.archive.support.CatalogServer;
import io.catalog.archive.support.Connectors;
import io.catalog.archive.support.SampleData;
import io.catalog.archive.support.TestJobs;
import io.catalog.testsupport.CatalogProxy;

/** The catalog not answering (503) when a job arrives: the connector retries with backoff and the job is done. */
@SuppressWarnings("try")
class OutageTest {

	@TempDir
	Path temp;

	@Test
	void aJobHeardWhileTheCatalogIsDownIsClaimedAndDoneOnceItIsBack() throws Exception {
		var catalog = CatalogServer.get();
		var officer = catalog.officer();
		var sample = SampleData.create(officer, temp.resolve("source"), "outage", 20, 41, true);
		try (var proxy = CatalogProxy.to(catalog.url())) {
			var settings = Connectors.settings(catalog, temp.resolve("archive"));
			settings.put("CATALOG_URL", proxy.url());
			settings.put("ARCHIVE_RETRIES", "40");
			settings.put("ARCHIVE_RETRY_MAX_DELAY", "1s");
			try (var connector = Connectors.start(settings)) {
				proxy.refuseAll();
				var jobId = TestJobs.create(officer, "archive", TestJobs.datasets(sample.pid()));
				var deadline = Instant.now().plus(Duration.ofSeconds(60));
				while (proxy.refused() < 3 && Instant.now().isBefore(deadline)) {
					Thread.sleep(100);
				}
				assertThat(proxy.refused()).as("the connector tried while the catalog was down").isGreaterThanOrEqualTo(3);
				assertThat(TestJobs.get(officer, jobId).get("statusCode")).isEqualTo("jobSubmitted");
				proxy.passAll();
				TestJobs.finish(officer, jobId, "finishedSuccessful");
				var archiver = catalog.archiver();
				assertThat(archiver.await(() -> archiver.datasets().listDatasetDatablocks(sample.pid())))
					.flatExtracting(block -> block.getDataFileList()).hasSize(20);
			}
		}
	}

}
