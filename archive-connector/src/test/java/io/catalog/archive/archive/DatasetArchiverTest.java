package io.catalog.archive.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.catalog.archive.catalog.Catalog;
import io.catalog.worker.Retry;
import io.catalog.archive.storage.FolderStore;
import io.catalog.archive.support.CatalogServer;
import io.catalog.archive.support.SampleData;
import io.catalog.sdk.invoker.ApiClient;
import io.catalog.sdk.model.Datablock;

/**
 * The archiver against the real catalog, run again for the same job as a restarted connector does: once its manifest
 * is written it registers only what the catalog does not hold yet, and packs nothing again.
 */
class DatasetArchiverTest {

	@TempDir
	Path temp;

	@Test
	void archivingAgainForTheSameJobRegistersNoDuplicate() throws Exception {
		var server = CatalogServer.get();
		var officer = server.officer();
		var archiverClient = server.archiver();
		var sample = SampleData.create(officer, temp.resolve("source"), "archived twice", 50, 31, true);
		var store = new FolderStore(temp.resolve("archive"));
		var catalog = new Catalog(archiverClient, new Retry(3, Duration.ofMillis(100), Duration.ofSeconds(1), () -> {
		}));
		var archiver = new DatasetArchiver(catalog, store, new Copies(List.of()), ApiClient.createDefaultObjectMapper(),
				"SHA-256", 200_000, 1000, Duration.ZERO);
		var tracker = new Tracker() {

			@Override
			public void plan(long files, long bytes) {
			}

			@Override
			public void done(long bytes) {
			}

		};

		var first = archiver.archive("job-1", sample.pid(), tracker);
		var stored = SampleData.files(temp.resolve("archive"));
		SampleData.delete(sample.folder());
		var second = archiver.archive("job-1", sample.pid(), tracker);

		assertThat(first.ok()).as("%s", first).isTrue();
		assertThat(second.ok()).as("the manifest carries the job on without the source files: %s", second).isTrue();
		var blocks = archiverClient.await(() -> archiverClient.datasets().listDatasetDatablocks(sample.pid()));
		assertThat(blocks).extracting(Datablock::getArchiveId).doesNotHaveDuplicates()
			.hasSize(((Number) first.details().get("blocks")).intValue());
		assertThat(SampleData.files(temp.resolve("archive"))).isEqualTo(stored);
	}

}
