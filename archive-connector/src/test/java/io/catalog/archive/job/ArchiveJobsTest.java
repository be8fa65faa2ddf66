package io.catalog.archive.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.catalog.archive.support.CatalogServer;
import io.catalog.archive.support.Connectors;
import io.catalog.archive.support.S3Server;
import io.catalog.archive.support.SampleData;
import io.catalog.archive.support.TestJobs;
import io.catalog.sdk.CatalogClient;
import io.catalog.sdk.model.Datablock;

/**
 * Archive and retrieve end to end: a data-policy officer's jobs go from the catalog through Kafka to a connector, which
 * archives a dataset of a few hundred files to the folder store or to S3 (S3Proxy), and brings it back after the
 * source copy was deleted, every file byte-identical.
 */
@SuppressWarnings("try")
class ArchiveJobsTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(300);

	@TempDir
	Path temp;

	@Test
	void archivesToTheFolderStoreAndRetrievesEveryFileByteIdentical() throws Exception {
		var catalog = CatalogServer.get();
		var store = temp.resolve("archive");
		var settings = Connectors.settings(catalog, store);
		settings.put("ARCHIVE_ALLOWED_ROOTS", temp.resolve("allowed").toString());
		try (var connector = Connectors.start(settings)) {
			roundTrip(catalog, "folder round trip", blocks -> blocks.forEach(block ->
					assertThat(store.resolve(block.getArchiveId())).isRegularFile()));
		}
	}

	@Test
	void archivesToS3AndRetrievesEveryFileByteIdentical() throws Exception {
		var catalog = CatalogServer.get();
		var settings = Connectors.settings(catalog, temp.resolve("unused"));
		settings.put("ARCHIVE_STORAGE", "s3");
		settings.put("ARCHIVE_S3_ENDPOINT", S3Server.endpoint());
		settings.put("ARCHIVE_S3_BUCKET", "archive-test");
		settings.put("ARCHIVE_S3_ACCESS_KEY", S3Server.ACCESS_KEY);
		settings.put("ARCHIVE_S3_SECRET_KEY", S3Server.SECRET_KEY);
		settings.put("ARCHIVE_S3_PART_SIZE", "5MB");
		settings.put("ARCHIVE_BLOCK_SIZE", "12MB");
		try (var connector = Connectors.start(settings)) {
			roundTrip(catalog, "s3 round trip", blocks -> assertThat(blocks).anySatisfy(block ->
					assertThat(block.getPackedSize().longValue()).as("a block over one 5 MB part: a multipart upload")
						.isGreaterThan(5L * 1024 * 1024)));
		}
	}

	@Test
	void retrievesASubsetToAnAllowedDestination() throws Exception {
		var catalog = CatalogServer.get();
		var settings = Connectors.settings(catalog, temp.resolve("archive"));
		var allowed = temp.resolve("allowed");
		settings.put("ARCHIVE_ALLOWED_ROOTS", allowed.toString());
		try (var connector = Connectors.start(settings)) {
			var officer = catalog.officer();
			var sample = SampleData.create(officer, temp.resolve("source"), "subset", 40, 7, true);
			finish(officer, TestJobs.create(officer, "archive", TestJobs.datasets(sample.pid())), "finishedSuccessful");
			var wanted = List.of("scan_01/frame_00001.dat", "scan_03/frame_00010.dat");
			var retrieve = TestJobs.create(officer, "retrieve", Map.of("destinationPath", allowed.toString(),
					"datasetList", List.of(Map.of("pid", sample.pid(), "files", wanted))));
			var job = finish(officer, retrieve, "finishedSuccessful");
			var folder = allowed.resolve(io.catalog.archive.archive.StorageNames.encode(sample.pid()));
			assertThat(SampleData.sha256Of(folder)).as("%s", job)
				.containsExactlyInAnyOrderEntriesOf(Map.of(wanted.get(0), sample.sha256().get(wanted.get(0)),
						wanted.get(1), sample.sha256().get(wanted.get(1))));
		}
	}

	@Test
	void refusesADestinationOutsideTheAllowedRoots() throws Exception {
		var catalog = CatalogServer.get();
		var settings = Connectors.settings(catalog, temp.resolve("archive"));
		var allowed = temp.resolve("allowed");
		settings.put("ARCHIVE_ALLOWED_ROOTS", allowed.toString());
		try (var connector = Connectors.start(settings)) {
			var officer = catalog.officer();
			var sample = SampleData.create(officer, temp.resolve("source"), "refused", 5, 9, true);
			finish(officer, TestJobs.create(officer, "archive", TestJobs.datasets(sample.pid())), "finishedSuccessful");
			for (var destination : List.of(temp.resolve("elsewhere").toString(), allowed + "/../elsewhere", "relative")) {
				var params = Map.<String, Object>of("destinationPath", destination, "datasetList",
						List.of(Map.of("pid", sample.pid(), "files", List.of())));
				var job = finish(officer, TestJobs.create(officer, "retrieve", params), "finishedUnsuccessful");
				assertThat(String.valueOf(job.get("statusMessage"))).contains("destination refused");
			}
			assertThat(temp.resolve("elsewhere")).doesNotExist();
			assertThat(allowed).doesNotExist();
		}
	}

	private void roundTrip(CatalogServer catalog, String name, Consumer<List<Datablock>> storedBlocks)
			throws Exception {
		var officer = catalog.officer();
		var archiver = catalog.archiver();
		var sample = SampleData.create(officer, temp.resolve("source"), name, 300, name.hashCode(), true);
		var archived = finish(officer, TestJobs.create(officer, "archive", TestJobs.datasets(sample.pid())),
				"finishedSuccessful");
		assertThat(archived.get("statusHistory").toString()).contains("inProgress");
		var blocks = archiver.await(() -> archiver.datasets().listDatasetDatablocks(sample.pid()));
		assertThat(blocks).isNotEmpty();
		assertThat(blocks.stream().mapToInt(block -> block.getDataFileList().size()).sum()).isEqualTo(300);
		assertThat(blocks.stream().map(Datablock::getArchiveId).distinct().count()).isEqualTo(blocks.size());
		assertThat(blocks).allSatisfy(block -> assertThat(block.getChkAlg()).isEqualTo("SHA-256"));
		storedBlocks.accept(blocks);
		var lifecycle = archiver.await(() -> archiver.datasets().getDatasetLifecycle(sample.pid()));
		assertThat(lifecycle.getArchiveStatusMessage()).isEqualTo("datasetOnArchiveDisk");
		assertThat(lifecycle.getRetrievable()).isTrue();
		assertThat(lifecycle.getArchivable()).isFalse();

		SampleData.delete(sample.folder());
		finish(officer, TestJobs.create(officer, "retrieve", TestJobs.datasets(sample.pid())), "finishedSuccessful");
		assertThat(SampleData.sha256Of(sample.folder())).isEqualTo(sample.sha256());
		var retrieved = archiver.await(() -> archiver.datasets().getDatasetLifecycle(sample.pid()));
		assertThat(retrieved.getRetrieveStatusMessage()).isEqualTo("datasetRetrieved");
		assertThat(retrieved.getRetrieveIntegrityCheck()).isTrue();
		assertThat(Files.list(sample.folder().resolve("scan_00")).map(Path::toString))
			.noneMatch(file -> file.endsWith(".retrieving"));
	}

	static Map<String, Object> finish(CatalogClient officer, String jobId, String status) {
		var job = TestJobs.awaitFinished(officer, jobId, TIMEOUT);
		assertThat(job.get("statusCode")).as("job %s", job).isEqualTo(status);
		return job;
	}

}
