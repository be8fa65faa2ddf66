package io.catalog.archive.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.catalog.archive.support.CatalogServer;
import io.catalog.archive.support.Connectors;
import io.catalog.archive.support.SampleData;
import io.catalog.archive.support.TestJobs;

/** A file missing or changed since it was catalogued fails its dataset with the list of files and writes no block. */
@SuppressWarnings("try")
class MissingFilesTest {

	@TempDir
	Path temp;

	@Test
	void aMissingOrChangedFileFailsTheDatasetAndWritesNoBlock() throws Exception {
		var catalog = CatalogServer.get();
		var store = temp.resolve("archive");
		try (var connector = Connectors.start(Connectors.settings(catalog, store))) {
			var officer = catalog.officer();
			var archiver = catalog.archiver();
			var sample = SampleData.create(officer, temp.resolve("source"), "missing files", 30, 11, true);
			Files.delete(sample.folder().resolve("scan_02/frame_00002.dat"));
			var changed = sample.folder().resolve("scan_05/frame_00012.dat");
			var bytes = Files.readAllBytes(changed);
			bytes[0] ^= 1;
			Files.write(changed, bytes);

			var job = ArchiveJobsTest.finish(officer,
					TestJobs.create(officer, "archive", TestJobs.datasets(sample.pid())), "finishedUnsuccessful");

			assertThat(String.valueOf(job.get("statusMessage"))).contains("missingFilesError");
			var lifecycle = archiver.await(() -> archiver.datasets().getDatasetLifecycle(sample.pid()));
			assertThat(lifecycle.getArchiveStatusMessage()).isEqualTo("missingFilesError");
			assertThat(String.valueOf(lifecycle.getArchiveReturnMessage())).contains("scan_02/frame_00002.dat: missing");
			assertThat(lifecycle.getRetrievable()).isFalse();
			assertThat(archiver.await(() -> archiver.datasets().listDatasetDatablocks(sample.pid()))).isEmpty();
			assertThat(SampleData.files(store)).isEmpty();
		}
	}

	@Test
	void aFileChangedSinceItWasCataloguedIsNamedAndNoBlockStays() throws Exception {
		var catalog = CatalogServer.get();
		var store = temp.resolve("archive");
		try (var connector = Connectors.start(Connectors.settings(catalog, store))) {
			var officer = catalog.officer();
			var archiver = catalog.archiver();
			var sample = SampleData.create(officer, temp.resolve("source"), "changed file", 30, 12, true);
			var changed = sample.folder().resolve("scan_05/frame_00012.dat");
			var bytes = Files.readAllBytes(changed);
			bytes[bytes.length / 2] ^= 1;
			Files.write(changed, bytes);

			ArchiveJobsTest.finish(officer, TestJobs.create(officer, "archive", TestJobs.datasets(sample.pid())),
					"finishedUnsuccessful");

			var lifecycle = archiver.await(() -> archiver.datasets().getDatasetLifecycle(sample.pid()));
			assertThat(lifecycle.getArchiveStatusMessage()).isEqualTo("missingFilesError");
			assertThat(String.valueOf(lifecycle.getArchiveReturnMessage()))
				.contains("scan_05/frame_00012.dat: checksum differs");
			assertThat(archiver.await(() -> archiver.datasets().listDatasetDatablocks(sample.pid()))).isEmpty();
			assertThat(SampleData.files(store)).isEmpty();
		}
	}

}
