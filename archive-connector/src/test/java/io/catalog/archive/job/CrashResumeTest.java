package io.catalog.archive.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.catalog.archive.support.CatalogServer;
import io.catalog.archive.support.Connectors;
import io.catalog.archive.support.SampleData;
import io.catalog.archive.support.TestJobs;
import io.catalog.sdk.model.Datablock;

/**
 * A connector killed (kill -9: {@code destroyForcibly}) in the middle of an archive, then started again with the same
 * id, finishes the job with every block registered once and no block in storage that is not registered.
 */
class CrashResumeTest {

	@TempDir
	Path temp;

	@Test
	void aRestartAfterAKillMidArchiveLeavesNoDuplicateDatablockAndNoOrphan() throws Exception {
		var catalog = CatalogServer.get();
		var officer = catalog.officer();
		var archiver = catalog.archiver();
		var store = temp.resolve("archive");
		var settings = Connectors.settings(catalog, store);
		settings.put("ARCHIVE_BLOCK_SIZE", "128KB");
		settings.put("ARCHIVE_PAUSE_AFTER_BLOCK", "300ms");
		var sample = SampleData.create(officer, temp.resolve("source"), "crash", 200, 21, true);

		var first = Connectors.startProcess(settings, temp.resolve("first.log"));
		var jobId = TestJobs.create(officer, "archive", TestJobs.datasets(sample.pid()));
		awaitBlocks(store, 3, first, temp.resolve("first.log"));
		first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

		var leftOver = tarBlocks(store);
		assertThat(leftOver).as("blocks written before the kill").hasSizeGreaterThanOrEqualTo(3);
		assertThat(TestJobs.get(officer, jobId).get("statusCode")).isEqualTo("inProgress");
		assertThat(archiver.await(() -> archiver.datasets().listDatasetDatablocks(sample.pid())))
			.as("nothing registered before every block is verified").isEmpty();

		settings.put("ARCHIVE_PAUSE_AFTER_BLOCK", "0s");
		var second = Connectors.startProcess(settings, temp.resolve("second.log"));
		try {
			ArchiveJobsTest.finish(officer, jobId, "finishedSuccessful");
		}
		finally {
			second.destroy();
			second.waitFor(30, TimeUnit.SECONDS);
		}

		var blocks = archiver.await(() -> archiver.datasets().listDatasetDatablocks(sample.pid()));
		var registered = new TreeSet<String>(blocks.stream().map(Datablock::getArchiveId).toList());
		assertThat(registered).as("no duplicate datablock").hasSize(blocks.size());
		assertThat(tarBlocks(store)).as("no orphan: every stored block is registered, every registered one stored")
			.isEqualTo(registered);
		assertThat(blocks.stream().mapToInt(block -> block.getDataFileList().size()).sum()).isEqualTo(200);
		assertThat(SampleData.files(store)).noneMatch(file -> file.endsWith(".part"));
		assertThat(Files.readString(temp.resolve("second.log"))).as("the restarted connector took its own job up again")
			.contains("resuming archive job " + jobId);
	}

	private static TreeSet<String> tarBlocks(Path store) throws Exception {
		return new TreeSet<>(SampleData.files(store).stream().map(file -> file.replace('\\', '/'))
			.filter(file -> file.endsWith(".tar")).toList());
	}

	private static void awaitBlocks(Path store, int count, Process connector, Path log) throws Exception {
		var deadline = Instant.now().plus(Duration.ofSeconds(90));
		while (tarBlocks(store).size() < count) {
			if (!connector.isAlive()) {
				throw new AssertionError("the connector stopped: " + Files.readString(log));
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("no " + count + " blocks within 90 s: " + Files.readString(log));
			}
			Thread.sleep(50);
		}
	}

}
