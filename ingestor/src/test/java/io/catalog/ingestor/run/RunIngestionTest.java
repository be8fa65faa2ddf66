package io.catalog.ingestor.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.catalog.ingestor.support.CatalogServer;
import io.catalog.ingestor.support.RunFolders;
import io.catalog.sdk.CatalogClient;
import io.catalog.sdk.model.OrigDatablock;
import io.catalog.testsupport.CatalogProxy;

/** RunIngestion against a real catalog-api: datasets, blocks, idempotency and refusals. */
class RunIngestionTest {

	@TempDir
	Path temp;

	private CatalogClient catalog;

	private RunIngestion ingestion;

	private final RunReader reader = new RunReader("test.prefix");

	@BeforeEach
	void connect() {
		catalog = CatalogServer.get().ingestorClient();
		ingestion = new RunIngestion(catalog, () -> {
		}, new FolderWalker("SHA-256"), NexusReader.of(null), 3);
	}

	private Run run(String name, int files) {
		var folder = RunFolders.withFiles(temp, name, files);
		var runId = name + "-" + UUID.randomUUID();
		return reader.read(RunFolders.runDocument(runId, folder, name).getBytes(StandardCharsets.UTF_8), null);
	}

	private List<OrigDatablock> blocks(String pid) {
		return catalog.await(() -> catalog.datasets().listDatasetOrigDatablocks(pid));
	}

	@Test
	void createsTheDatasetWithItsFilesSplitIntoBlocksAndMarksItArchivable() {
		var run = run("split", 7);
		var outcome = ingestion.ingest(run, false, Progress.NONE);
		assertThat(outcome.created()).isTrue();
		assertThat(outcome.blocksPosted()).isEqualTo(3);
		var dataset = catalog.await(() -> catalog.datasets().getDataset(run.pid()));
		assertThat(dataset.getNumberOfFiles()).isEqualTo(7);
		assertThat(dataset.getDatasetlifecycle().getArchivable()).isTrue();
		assertThat(blocks(run.pid())).hasSize(3).allSatisfy(block -> assertThat(block.getChkAlg()).isEqualTo("SHA-256"));
		assertThat(blocks(run.pid()).get(0).getDataFileList().get(0).getChk()).hasSize(64);
	}

	@Test
	void theDatasetIsMarkedArchivableOnlyAfterItsLastBlock() {
		try (var proxy = CatalogProxy.to(CatalogServer.get().url())) {
			var run = run("archivable-last", 4);
			new RunIngestion(signedIn(proxy), () -> {
			}, new FolderWalker(null), NexusReader.of(null), 3).ingest(run, false, Progress.NONE);
			assertThat(proxy.passed()).map(request -> request.split(" ")[0] + " " + request.replaceAll(".*/", ""))
				.containsExactly("POST login", "POST datasets", "POST origdatablocks", "PATCH datasetlifecycle");
		}
	}

	@Test
	void aRunWhoseFilesFitInOneBlockIsOneRequest() {
		try (var proxy = CatalogProxy.to(CatalogServer.get().url())) {
			var run = run("one-request", 3);
			var outcome = new RunIngestion(signedIn(proxy), () -> {
			}, new FolderWalker(null), NexusReader.of(null), 3).ingest(run, false, Progress.NONE);
			assertThat(proxy.passed()).map(request -> request.split(" ")[0] + " " + request.replaceAll(".*/", ""))
				.containsExactly("POST login", "POST datasets");
			assertThat(outcome.blocksPosted()).isEqualTo(1);
			var dataset = catalog.await(() -> catalog.datasets().getDataset(run.pid()));
			assertThat(dataset.getDatasetlifecycle().getArchivable()).isTrue();
			assertThat(dataset.getNumberOfFiles()).isEqualTo(3);
			assertThat(blocks(run.pid())).singleElement().satisfies(block -> assertThat(block.getDataFileList()).hasSize(3));
		}
	}

	@Test
	void createdArchivableARunTakesNoLifecycleCall() {
		try (var proxy = CatalogProxy.to(CatalogServer.get().url())) {
			var run = run("archivable-on-create", 4);
			new RunIngestion(signedIn(proxy), () -> {
			}, new FolderWalker(null), NexusReader.of(null), 3, true).ingest(run, false, Progress.NONE);
			assertThat(proxy.passed()).map(request -> request.split(" ")[0] + " " + request.replaceAll(".*/", ""))
				.containsExactly("POST login", "POST datasets", "POST origdatablocks");
			var dataset = catalog.await(() -> catalog.datasets().getDataset(run.pid()));
			assertThat(dataset.getDatasetlifecycle().getArchivable()).isTrue();
			assertThat(dataset.getNumberOfFiles()).isEqualTo(4);
		}
	}

	private static CatalogClient signedIn(CatalogProxy proxy) {
		var client = CatalogClient.of(proxy.url());
		client.await(client.login(CatalogServer.INGESTOR, CatalogServer.PASSWORD));
		return client;
	}

	@Test
	void theSameRunTwiceIsOneDatasetWithOneSetOfBlocks() {
		var run = run("twice", 5);
		ingestion.ingest(run, false, Progress.NONE);
		var again = reader.read(RunFolders.runDocument(run.runId(), run.sourceFolder(), "twice")
			.getBytes(StandardCharsets.UTF_8), null);
		var outcome = ingestion.ingest(again, false, Progress.NONE);
		assertThat(outcome.created()).isFalse();
		assertThat(outcome.blocksPosted()).isZero();
		assertThat(blocks(run.pid()).stream().mapToInt(block -> block.getDataFileList().size()).sum()).isEqualTo(5);
	}

	@Test
	void deliveriesOfOneRunSideBySideAreOneDatasetWithOneSetOfBlocks() throws Exception {
		var run = run("side-by-side", 5);
		var document = RunFolders.runDocument(run.runId(), run.sourceFolder(), "side-by-side");
		int deliveries = 6;
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(deliveries);
		try {
			var outcomes = new ArrayList<Future<Outcome>>();
			for (int i = 0; i < deliveries; i++) {
				outcomes.add(pool.submit(() -> {
					start.await();
					return ingestion.ingest(reader.read(document.getBytes(StandardCharsets.UTF_8), null), false,
							Progress.NONE);
				}));
			}
			start.countDown();
			var created = 0;
			for (var outcome : outcomes) {
				created += outcome.get(60, TimeUnit.SECONDS).created() ? 1 : 0;
			}
			assertThat(created).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(blocks(run.pid()).stream().flatMap(block -> block.getDataFileList().stream()).map(f -> f.getPath()))
			.hasSize(5).doesNotHaveDuplicates();
	}

	@Test
	void aRestartMidRunPostsOnlyTheFilesNotYetRegistered() throws Exception {
		var run = run("restart", 2);
		ingestion.ingest(run, false, Progress.NONE);
		for (int i = 0; i < 3; i++) {
			java.nio.file.Files.writeString(run.sourceFolder().resolve("late_" + i + ".dat"), "late " + i);
		}
		var outcome = ingestion.ingest(run, false, Progress.NONE);
		assertThat(outcome.blocksPosted()).isEqualTo(1);
		assertThat(blocks(run.pid()).stream().flatMap(block -> block.getDataFileList().stream()).map(f -> f.getPath()))
			.hasSize(5).doesNotHaveDuplicates();
	}

	@Test
	void aRunWhosePidHoldsAnotherRunIsRefused() {
		var run = run("first", 1);
		ingestion.ingest(run, false, Progress.NONE);
		var other = reader.read(RunFolders.runDocument(run.runId(), run.sourceFolder(), "another name")
			.getBytes(StandardCharsets.UTF_8), null);
		assertThatThrownBy(() -> ingestion.ingest(other, false, Progress.NONE))
			.isInstanceOf(InvalidRunException.class).hasMessageContaining("datasetName");
	}

	@Test
	void badMetadataIsRefusedWithTheCatalogsReason() {
		var folder = RunFolders.withFiles(temp, "bad", 1);
		var run = reader.read(("{\"runId\":\"bad-" + UUID.randomUUID() + "\",\"datasetName\":\"bad\",\"sourceFolder\":\""
				+ folder + "\"}").getBytes(StandardCharsets.UTF_8), null);
		assertThatThrownBy(() -> ingestion.ingest(run, false, Progress.NONE))
			.isInstanceOf(InvalidRunException.class).hasMessageContaining("400").hasMessageContaining("ownerGroup");
	}

	@Test
	void aDryRunWritesNothing() {
		var run = run("dry", 2);
		var outcome = ingestion.ingest(run, true, Progress.NONE);
		assertThat(outcome.dryRun()).isTrue();
		assertThat(outcome.files()).isEqualTo(2);
		assertThatThrownBy(() -> catalog.await(() -> catalog.datasets().getDataset(run.pid())))
			.hasMessageContaining("404");
	}

	@Test
	void aCatalogThatDoesNotAnswerIsUnavailableSoTheRunIsRetriedNotRefused() throws Exception {
		var down = CatalogClient.of("http://127.0.0.1:" + CatalogServer.freePort()).withToken("any");
		var offline = new RunIngestion(down, () -> {
		}, new FolderWalker(null), NexusReader.of(null), 3);
		var run = run("down", 1);
		assertThatThrownBy(() -> offline.ingest(run, false, Progress.NONE))
			.isInstanceOf(CatalogUnavailableException.class);
	}

}
