package io.catalog.ingestor.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.catalog.ingestor.IngestorApplication;
import io.catalog.ingestor.run.RunReader;
import io.catalog.ingestor.support.Brokers;
import io.catalog.ingestor.support.CatalogServer;
import io.catalog.ingestor.support.RunFolders;
import io.catalog.sdk.CatalogClient;
import io.catalog.sdk.CatalogException;
import io.catalog.testsupport.CatalogProxy;

/**
 * KafkaRunRoute with several runs in flight: a real KRaft broker with multi-partition topics, a real catalog-api
 * behind a {@link CatalogProxy} that can make the catalog fail for one run while the others go through.
 */
@SpringBootTest(classes = IngestorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class KafkaRunRouteTest {

	private static final String RUNS = "parallel-runs";

	private static final String STUCK = "stuck-runs";

	private static final String GROUP = "parallel-ingestor";

	private static Path temp;

	private static CatalogProxy proxy;

	@BeforeAll
	static void start() throws Exception {
		temp = Files.createTempDirectory("ingestor-parallel-");
		proxy = CatalogProxy.to(CatalogServer.get().url());
		Brokers.createTopic(RUNS, 3);
		Brokers.createTopic(STUCK, 1);
	}

	@AfterAll
	static void stop() {
		proxy.close();
		org.springframework.util.FileSystemUtils.deleteRecursively(temp.toFile());
	}

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("ingestor.catalog.url", () -> proxy.url());
		registry.add("ingestor.catalog.username", () -> CatalogServer.INGESTOR);
		registry.add("ingestor.catalog.password", () -> CatalogServer.PASSWORD);
		registry.add("ingestor.kafka.bootstrap-servers", Brokers::kafka);
		registry.add("ingestor.kafka.topics", () -> RUNS + "," + STUCK);
		registry.add("ingestor.kafka.group-id", () -> GROUP);
		registry.add("ingestor.kafka.batch-size", () -> "20");
		registry.add("ingestor.concurrency", () -> "6");
		registry.add("ingestor.retry.delay", () -> "50ms");
		registry.add("ingestor.retry.max-redeliveries", () -> "2");
	}

	private static CatalogClient catalog() {
		return CatalogServer.get().ingestorClient();
	}

	private static String pidOf(String document) {
		return new RunReader("").read(document.getBytes(StandardCharsets.UTF_8), null).pid();
	}

	private static List<String> runs(String name, Path folder, int count) {
		var prefix = name + "-" + UUID.randomUUID();
		return IntStream.range(0, count)
			.mapToObj(i -> RunFolders.runDocument(prefix + "-" + i, folder, name + " " + i))
			.toList();
	}

	/** The paths of every file in the dataset's blocks, and whether it is marked archivable (null: no dataset). */
	private static List<String> filesOf(CatalogClient catalog, String pid) {
		try {
			var dataset = catalog.await(() -> catalog.datasets().getDataset(pid));
			if (!Boolean.TRUE.equals(dataset.getDatasetlifecycle().getArchivable())) {
				return null;
			}
		}
		catch (CatalogException absent) {
			return null;
		}
		return catalog.await(() -> catalog.datasets().listDatasetOrigDatablocks(pid)).stream()
			.flatMap(block -> block.getDataFileList().stream())
			.map(file -> file.getPath())
			.toList();
	}

	private static long datasetsIn(CatalogClient catalog, Path folder) {
		var where = "{\"sourceFolder\": \"" + folder + "\"}";
		return catalog.await(() -> catalog.datasets().countDatasets(null, where, null)).getCount().longValue();
	}

	@Test
	void manyRunsDeliveredTwiceAcrossPartitionsAreEachExactlyOneDatasetWithOneSetOfFiles() {
		var folder = RunFolders.withFiles(temp, "parallel", 3);
		var runs = runs("parallel run", folder, 40);
		var twice = new ArrayList<>(runs);
		twice.addAll(runs);
		// run i goes to partition i % 3 and its second delivery to (i + 1) % 3: both may be in flight together
		Brokers.send(RUNS, 3, twice);

		await().atMost(Duration.ofMinutes(2))
			.until(() -> Brokers.committed(GROUP, RUNS), offsets -> offsets.equals(Map.of(0, 27L, 1, 27L, 2, 26L)));
		var catalog = catalog();
		assertThat(datasetsIn(catalog, folder)).isEqualTo(40);
		for (var run : runs) {
			assertThat(filesOf(catalog, pidOf(run))).as("files of %s", run).hasSize(3).doesNotHaveDuplicates();
		}
	}

	@Test
	void aRunTheCatalogDoesNotTakeHoldsTheCommittedOffsetAtItWhileTheRunsAfterItAreCatalogued() {
		var folder = RunFolders.withFiles(temp, "stuck", 2);
		var runs = runs("flowing run", folder, 8);
		var stuck = runs.get(2);
		var catalog = catalog();
		proxy.refuseBodiesContaining("\"flowing run 2\"");
		try {
			Brokers.send(STUCK, 1, runs);
			await().atMost(Duration.ofMinutes(2)).until(() -> runs.stream()
				.filter(run -> run != stuck)
				.allMatch(run -> filesOf(catalog, pidOf(run)) != null));
			// an attempt of the stuck run made after that can only come from a later batch, which begins after the
			// batch that catalogued the others committed; an offset committed past the stuck run ends the wait too
			int refusedSoFar = proxy.refused();
			await().atMost(Duration.ofMinutes(2)).until(() -> proxy.refused() >= refusedSoFar + 3
					|| Brokers.committed(GROUP, STUCK).getOrDefault(0, 0L) > 2);
			assertThat(Brokers.committed(GROUP, STUCK)).isEqualTo(Map.of(0, 2L));
			assertThat(filesOf(catalog, pidOf(stuck))).isNull();
		}
		finally {
			proxy.passAll();
		}

		await().atMost(Duration.ofMinutes(2)).until(() -> Brokers.committed(GROUP, STUCK), Map.of(0, 8L)::equals);
		assertThat(datasetsIn(catalog, folder)).isEqualTo(8);
		for (var run : runs) {
			assertThat(filesOf(catalog, pidOf(run))).as("files of %s", run).hasSize(2).doesNotHaveDuplicates();
		}
	}

}
