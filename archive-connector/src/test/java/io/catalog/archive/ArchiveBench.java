package io.catalog.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.catalog.archive.support.CatalogServer;
import io.catalog.archive.support.Connectors;
import io.catalog.archive.support.SampleData;
import io.catalog.archive.support.TestJobs;
import io.catalog.sdk.CatalogClient;
import io.catalog.sdk.invoker.ApiClient;
import io.catalog.sdk.model.CreateDatasetOrigDatablock;
import io.catalog.sdk.model.CreateDatasetRequest;
import io.catalog.sdk.model.CreateRawDataset;
import io.catalog.sdk.model.DataFile;

/**
 * A command that prints numbers, not a test ({@code mvn verify} does not run it): archive and retrieve jobs end to end
 * (catalog, Kafka, connector, folder store on the same disk as the files) against {@code tar cf - | sha256sum} and
 * {@code tar xf} plus {@code sha256sum} of the same files. Sizes: {@code -Dbench.files} files of
 * {@code -Dbench.fileSize} bytes (defaults 2 000 × 10 KB, and 4 × 64 MB).
 */
@SuppressWarnings("try")
class ArchiveBench {

	private static final ObjectMapper JSON = ApiClient.createDefaultObjectMapper();

	@TempDir
	Path temp;

	@Test
	void bench() throws Exception {
		var files = Integer.getInteger("bench.files");
		var size = Long.getLong("bench.fileSize");
		if (files != null && size != null) {
			run(files, size);
		}
		else {
			run(2_000, 10 * 1024);
			run(4, 64L * 1024 * 1024);
		}
	}

	private void run(int count, long size) throws Exception {
		var catalog = CatalogServer.get();
		var officer = catalog.officer();
		var run = Files.createDirectories(temp.resolve("run-" + count + "x" + size));
		var source = run.resolve("source");
		var store = run.resolve("archive");
		var settings = Connectors.settings(catalog, store);
		settings.put("ARCHIVE_BLOCK_SIZE", "1GB");
		settings.put("ARCHIVE_PROGRESS_INTERVAL", "5s");
		try (var connector = Connectors.start(settings)) {
			var pid = dataset(officer, source, count, size);
			long bytes = count * size;
			double tar = seconds("tar cf - -C '" + source + "' . | sha256sum > /dev/null");
			long start = System.nanoTime();
			finish(officer, TestJobs.create(officer, "archive", TestJobs.datasets(pid)));
			double archive = (System.nanoTime() - start) / 1e9;
			var blocks = SampleData.files(store).stream().filter(f -> f.endsWith(".tar")).toList();
			var unpacked = Files.createDirectories(run.resolve("untar"));
			var untar = new StringBuilder();
			blocks.forEach(block -> untar.append("tar xf '").append(store.resolve(block)).append("' -C '")
				.append(unpacked).append("'; "));
			double tarBack = seconds(untar + "find '" + unpacked + "' -type f -print0 | xargs -0 sha256sum > /dev/null");
			SampleData.delete(source);
			start = System.nanoTime();
			finish(officer, TestJobs.create(officer, "retrieve", TestJobs.datasets(pid)));
			double retrieve = (System.nanoTime() - start) / 1e9;
			SampleData.delete(unpacked);
			System.out.printf("BENCH %d files x %d B (%.0f MB): archive %.2f s (%.0f MB/s), tar|sha256sum %.2f s, ratio %.2f;"
					+ " retrieve %.2f s (%.0f MB/s), tar xf + sha256sum %.2f s, ratio %.2f%n", count, size, bytes / 1e6,
					archive, bytes / 1e6 / archive, tar, tar / archive, retrieve, bytes / 1e6 / retrieve, tarBack,
					tarBack / retrieve);
		}
	}

	private static String dataset(CatalogClient officer, Path folder, int count, long size)
			throws IOException {
		var random = new Random(count);
		var buffer = new byte[1 << 20];
		random.nextBytes(buffer);
		var list = new ArrayList<DataFile>();
		for (int i = 0; i < count; i++) {
			var path = "d%03d/f%06d.dat".formatted(i / 1000, i);
			var file = folder.resolve(path);
			Files.createDirectories(file.getParent());
			try (OutputStream out = Files.newOutputStream(file)) {
				for (long left = size; left > 0; left -= buffer.length) {
					buffer[i % buffer.length] ^= 1;
					out.write(buffer, 0, (int) Math.min(buffer.length, left));
				}
			}
			list.add(new DataFile().path(path).size(BigDecimal.valueOf(size)).time(OffsetDateTime.now()));
		}
		var body = JSON.createObjectNode().put("type", "raw").put("datasetName", "bench " + count).put("ownerGroup", "group1")
			.put("owner", "Bench").put("contactEmail", "bench@facility.example").put("principalInvestigator", "Bench")
			.put("sourceFolder", folder.toString()).put("creationTime", "2026-11-22T10:00:00Z")
			.put("creationLocation", "/Facility/Bench");
		var request = new CreateDatasetRequest(JSON.treeToValue(body, CreateRawDataset.class));
		var pid = officer.await(() -> officer.datasets().createDataset(request)).getPid();
		for (int from = 0; from < list.size(); from += 20_000) {
			var chunk = new ArrayList<>(list.subList(from, Math.min(list.size(), from + 20_000)));
			var block = new CreateDatasetOrigDatablock().dataFileList(chunk).size(BigDecimal.valueOf(chunk.size() * size));
			officer.await(() -> officer.datasets().createDatasetOrigDatablock(pid, block));
		}
		return pid;
	}

	private static double seconds(String command) throws IOException, InterruptedException {
		long start = System.nanoTime();
		var process = new ProcessBuilder("bash", "-c", command).inheritIO().start();
		if (process.waitFor() != 0) {
			throw new IllegalStateException("failed: " + command);
		}
		return (System.nanoTime() - start) / 1e9;
	}

	private static void finish(CatalogClient officer, String jobId) {
		var job = TestJobs.awaitFinished(officer, jobId, Duration.ofHours(2));
		if (!"finishedSuccessful".equals(job.get("statusCode"))) {
			throw new IllegalStateException("job did not succeed: " + job);
		}
	}

}
