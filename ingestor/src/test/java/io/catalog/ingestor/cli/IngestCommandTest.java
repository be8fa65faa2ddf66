package io.catalog.ingestor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.catalog.ingestor.run.RunReader;
import io.catalog.ingestor.support.CatalogServer;
import io.catalog.ingestor.support.RunFolders;

/** IngestCommand against a real catalog-api: dry run by default, progress, summary, exit codes. */
class IngestCommandTest {

	@TempDir
	Path temp;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) {
		var catalog = CatalogServer.get();
		var env = Map.of("CATALOG_URL", catalog.url(), "CATALOG_USERNAME", CatalogServer.INGESTOR, "CATALOG_PASSWORD",
				CatalogServer.PASSWORD);
		return IngestCommand.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private Path metadataFile(String name) throws Exception {
		var folder = RunFolders.withFiles(temp, name, 3);
		return Files.writeString(temp.resolve(name + ".json"),
				RunFolders.runDocument(name + "-" + UUID.randomUUID(), folder, name));
	}

	private static String pidOf(Path metadata) throws Exception {
		return new RunReader("").read(Files.readAllBytes(metadata), metadata.getParent()).pid();
	}

	@Test
	void aDryRunIsTheDefaultAndWritesNothing() throws Exception {
		var metadata = metadataFile("cli-dry");
		assertThat(run(metadata.toString())).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("DRY RUN").contains("files:   3");
		var catalog = CatalogServer.get().ingestorClient();
		var pid = pidOf(metadata);
		assertThatThrownBy(() -> catalog.await(() -> catalog.datasets().getDataset(pid)))
			.hasMessageContaining("404");
	}

	@Test
	void ingestWritesTheRunWithAProgressBarAndASummary() throws Exception {
		var metadata = metadataFile("cli-ingest");
		assertThat(run(metadata.toString(), "--ingest")).isZero();
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("uploading [").contains("3/3 files");
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("dataset: created").contains("blocks:  1 posted");
		var catalog = CatalogServer.get().ingestorClient();
		var pid = pidOf(metadata);
		assertThat(catalog.await(() -> catalog.datasets().getDataset(pid)).getNumberOfFiles()).isEqualTo(3);
	}

	@Test
	void theFolderOptionReplacesTheSourceFolder() throws Exception {
		var metadata = metadataFile("cli-folder");
		var other = RunFolders.withFiles(temp, "cli-other", 5);
		assertThat(run(metadata.toString(), "--folder", other.toString())).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("files:   5");
	}

	@Test
	void aRefusedRunExitsWithOneAndTheReason() throws Exception {
		var metadata = Files.writeString(temp.resolve("bad.json"), "{\"datasetName\": \"x\", \"sourceFolder\": \"/nowhere\"}");
		assertThat(run(metadata.toString(), "--ingest")).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("FAILED").contains("not a readable folder");
	}

	@Test
	void wrongUsageExitsWithTwo() {
		assertThat(run("--bogus")).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: ingest");
	}

}
