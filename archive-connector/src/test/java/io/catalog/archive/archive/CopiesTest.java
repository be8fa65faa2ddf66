package io.catalog.archive.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.catalog.archive.catalog.Catalog;
import io.catalog.worker.Retry;
import io.catalog.archive.retrieve.DatasetRetriever;
import io.catalog.archive.retrieve.Destinations;
import io.catalog.archive.storage.BlockStore;
import io.catalog.archive.storage.FolderStore;
import io.catalog.archive.storage.S3Store;
import io.catalog.archive.support.CatalogServer;
import io.catalog.archive.support.CountingTracker;
import io.catalog.archive.support.S3Server;
import io.catalog.archive.support.SampleData;
import io.catalog.sdk.Filter;
import io.catalog.sdk.invoker.ApiClient;
import io.catalog.sdk.model.UpdatePolicy;

/** SciCat's tapeRedundancy as copies in further stores, against the real catalog and folder stores. */
class CopiesTest {

	@TempDir
	Path temp;

	@Test
	void aHighRedundancyPolicyKeepsThreeVerifiedCopiesAndARetrieveFallsBackToThem() throws Exception {
		var server = CatalogServer.get();
		var group = "copies" + System.nanoTime();
		var sample = SampleData.create(server.admin(), group, temp.resolve("source"), "copied", 30, 61, true);
		redundancy(server, group, "high");
		var stores = List.<BlockStore>of(new FolderStore(temp.resolve("a")), new FolderStore(temp.resolve("b")),
				new FolderStore(temp.resolve("c")));
		var catalog = catalog(server);

		var outcome = archiver(catalog, stores.get(0), stores.subList(1, 3)).archive("job-c", sample.pid(),
				new CountingTracker());
		var blocks = SampleData.files(temp.resolve("a"));
		assertThat(outcome.ok()).as("%s", outcome).isTrue();
		assertThat(outcome.details()).containsEntry("copies", 3).doesNotContainKey("copiesAsked");
		assertThat(SampleData.files(temp.resolve("b"))).isEqualTo(blocks.stream().filter(f -> f.endsWith(".tar")).toList());
		assertThat(SampleData.files(temp.resolve("c"))).isEqualTo(SampleData.files(temp.resolve("b")));

		var big = "scan_03/frame_00003.dat";
		var bigBlock = catalog.datablocks(sample.pid()).stream()
			.filter(block -> block.getDataFileList().get(0).getPath().equals(big)).findFirst().orElseThrow();
		flipMiddleByte(temp.resolve("a").resolve(bigBlock.getArchiveId()));
		SampleData.delete(temp.resolve("b"));
		SampleData.delete(sample.folder());
		var fromTheStoreAlone = new DatasetRetriever(catalog, stores.subList(0, 1), new Destinations(List.of()))
			.retrieve(sample.pid(), List.of(big), null, new CountingTracker());
		var retrieved = new DatasetRetriever(catalog, stores, new Destinations(List.of())).retrieve(sample.pid(),
				List.of(), null, new CountingTracker());

		assertThat(fromTheStoreAlone.ok()).as("the store's own block is damaged").isFalse();
		assertThat(retrieved.ok()).as("%s", retrieved).isTrue();
		assertThat(SampleData.sha256Of(sample.folder())).isEqualTo(sample.sha256());
	}

	@Test
	void aPolicyAskingForMoreCopiesThanStoresSaysHowManyItGot() throws Exception {
		var server = CatalogServer.get();
		var group = "copies" + System.nanoTime();
		var sample = SampleData.create(server.admin(), group, temp.resolve("source"), "short", 5, 67, true);
		redundancy(server, group, "medium");

		var outcome = archiver(catalog(server), new FolderStore(temp.resolve("a")), List.of()).archive("job-s",
				sample.pid(), new CountingTracker());

		assertThat(outcome.ok()).isTrue();
		assertThat(outcome.details()).containsEntry("copies", 1).containsEntry("copiesAsked", 2);
	}

	@Test
	void copiesGoToFurtherKeyPrefixesOfAnS3Bucket() throws Exception {
		var server = CatalogServer.get();
		var group = "copies" + System.nanoTime();
		var sample = SampleData.create(server.admin(), group, temp.resolve("source"), "s3 copies", 8, 71, true);
		redundancy(server, group, "medium");
		var client = S3Store.client(S3Server.endpoint(), "us-east-1", S3Server.ACCESS_KEY, S3Server.SECRET_KEY);
		var primary = new S3Store(client, "copies-test", "first", 5L * 1024 * 1024);
		var copy = new S3Store(client, "copies-test", "second", 5L * 1024 * 1024);

		var outcome = archiver(catalog(server), primary, List.of(copy)).archive("job-3", sample.pid(),
				new CountingTracker());

		assertThat(outcome.ok()).as("%s", outcome).isTrue();
		assertThat(outcome.details()).containsEntry("copies", 2);
		var prefix = StorageNames.prefix(sample.pid(), "job-3");
		assertThat(copy.list(prefix)).isNotEmpty()
			.isEqualTo(primary.list(prefix).stream().filter(name -> name.endsWith(".tar")).toList());
	}

	@Test
	void redundancyNamesMapToCopies() {
		assertThat(List.of("low", "medium", "HIGH", "other")).extracting(Copies::asked).containsExactly(1, 2, 3, 1);
		assertThat(Copies.asked(null)).isEqualTo(1);
	}

	private static void redundancy(CatalogServer server, String group, String value) {
		var admin = server.admin();
		var policy = admin.await(() -> admin.policies().listPolicies(Filter.where("ownerGroup", group).toJson())).get(0);
		admin.await(() -> admin.policies().updatePolicy(policy.getId(), new UpdatePolicy().tapeRedundancy(value)));
	}

	private static DatasetArchiver archiver(Catalog catalog, BlockStore store, List<BlockStore> copies) {
		return new DatasetArchiver(catalog, store, new Copies(copies), ApiClient.createDefaultObjectMapper(), "SHA-256",
				200_000, 1000, Duration.ZERO);
	}

	private static Catalog catalog(CatalogServer server) {
		return new Catalog(server.archiver(), new Retry(3, Duration.ofMillis(100), Duration.ofSeconds(1), () -> {
		}));
	}

	private static void flipMiddleByte(Path file) throws Exception {
		try (var bytes = new RandomAccessFile(file.toFile(), "rw")) {
			long middle = bytes.length() / 2;
			bytes.seek(middle);
			int b = bytes.read();
			bytes.seek(middle);
			bytes.write(b ^ 1);
		}
	}

}
