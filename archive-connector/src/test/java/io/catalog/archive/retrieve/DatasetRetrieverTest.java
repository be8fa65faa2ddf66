package io.catalog.archive.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.catalog.archive.archive.Copies;
import io.catalog.archive.archive.DatasetArchiver;
import io.catalog.archive.catalog.Catalog;
import io.catalog.worker.Retry;
import io.catalog.archive.storage.FolderStore;
import io.catalog.archive.support.CatalogServer;
import io.catalog.archive.support.CountingTracker;
import io.catalog.archive.support.SampleData;
import io.catalog.sdk.invoker.ApiClient;
import io.catalog.sdk.model.Datablock;

/**
 * The retriever against the real catalog and a folder store: files not there are written in place, files there are
 * replaced only by a verified copy, and a file whose checksum does not match is never left where the dataset's file
 * belongs.
 */
class DatasetRetrieverTest {

	private static final String BIG = "scan_03/frame_00003.dat";

	@TempDir
	Path temp;

	private SampleData.Sample sample;

	private Catalog catalog;

	private FolderStore store;

	@BeforeEach
	void archive() throws Exception {
		var server = CatalogServer.get();
		sample = SampleData.create(server.officer(), temp.resolve("source"), "retrieved", 40, 47, true);
		store = new FolderStore(temp.resolve("archive"));
		catalog = new Catalog(server.archiver(), new Retry(3, Duration.ofMillis(100), Duration.ofSeconds(1), () -> {
		}));
		var archived = new DatasetArchiver(catalog, store, new Copies(List.of()), ApiClient.createDefaultObjectMapper(), "SHA-256", 200_000,
				1000, Duration.ZERO).archive("job-r", sample.pid(), new CountingTracker());
		assertThat(archived.ok()).as("%s", archived).isTrue();
	}

	@Test
	void missingFilesAreWrittenInPlaceAndAWrongCopyIsReplaced() throws Exception {
		SampleData.delete(sample.folder().resolve("scan_01"));
		Files.writeString(sample.folder().resolve("scan_02/frame_00002.dat"), "not what was archived");

		var outcome = retriever().retrieve(sample.pid(), List.of(), null, new CountingTracker());

		assertThat(outcome.ok()).as("%s", outcome).isTrue();
		assertThat(SampleData.sha256Of(sample.folder())).isEqualTo(sample.sha256());
	}

	@Test
	void anExistingFileIsKeptWhenTheNewCopyDoesNotMatch() throws Exception {
		corrupt(BIG);
		var place = sample.folder().resolve(BIG);
		Files.writeString(place, "kept");

		var outcome = retriever().retrieve(sample.pid(), List.of(BIG), null, new CountingTracker());

		assertThat(outcome.ok()).isFalse();
		assertThat(outcome.message()).startsWith("retrieveIntegrityCheckFailed: 1 files");
		assertThat(place).hasContent("kept");
		assertThat(SampleData.files(sample.folder())).noneMatch(file -> file.endsWith(".retrieving"));
	}

	@Test
	void aWrongFileWrittenInPlaceIsRemoved() throws Exception {
		corrupt(BIG);
		var place = sample.folder().resolve(BIG);
		Files.delete(place);

		var outcome = retriever().retrieve(sample.pid(), List.of(BIG), null, new CountingTracker());

		assertThat(outcome.ok()).isFalse();
		assertThat(place).doesNotExist();
	}

	private DatasetRetriever retriever() {
		return new DatasetRetriever(catalog, List.of(store), new Destinations(List.of()));
	}

	/** Flips a byte in the middle of the block that holds {@code path} alone. */
	private void corrupt(String path) throws Exception {
		var block = catalog.datablocks(sample.pid()).stream()
			.filter(b -> b.getDataFileList().size() == 1 && b.getDataFileList().get(0).getPath().equals(path))
			.map(Datablock::getArchiveId).findFirst().orElseThrow();
		try (var file = new RandomAccessFile(temp.resolve("archive").resolve(block).toFile(), "rw")) {
			long middle = file.length() / 2;
			file.seek(middle);
			int b = file.read();
			file.seek(middle);
			file.write(b ^ 1);
		}
	}

}
