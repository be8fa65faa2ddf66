package io.catalog.ingestor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.catalog.ingestor.run.FolderWalker;
import io.catalog.ingestor.run.NexusReader;
import io.catalog.ingestor.run.Outcome;
import io.catalog.ingestor.run.Progress;
import io.catalog.ingestor.run.RunIngestion;
import io.catalog.ingestor.run.RunReader;
import io.catalog.ingestor.support.Brokers;
import io.catalog.ingestor.support.CatalogServer;
import io.catalog.ingestor.support.RunFolders;
import io.catalog.sdk.CatalogClient;
import io.catalog.sdk.invoker.ApiClient;
import io.catalog.sdk.model.CreateDatasetOrigDatablock;
import io.catalog.sdk.model.CreateDatasetRequest;
import io.catalog.sdk.model.CreateRawDataset;
import io.catalog.sdk.model.DataFile;
import io.catalog.sdk.model.DatasetLifecycle;

/**
 * The ingestor's benchmark: a command that prints numbers (no timing assertions). Not run by {@code mvn verify}
 * (the name does not end in Test); run it with
 * {@code mvn -B -pl openapi/java-sdk,ingestor test -Dtest=IngestorBench -Dsurefire.failIfNoSpecifiedTests=false
 * -Dbench.files=100000 -Dbench.runs=1000} after one {@code mvn -B verify} ({@code -Dbench.concurrency},
 * {@code -Dbench.partitions}). Defaults are a tiny smoke.
 */
@Tag("bench")
class IngestorBench {

	private static final int RUNS = Integer.getInteger("bench.runs", 50);

	private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 8);

	private static final int PARTITIONS = Integer.getInteger("bench.partitions", 1);

	@TempDir
	Path temp;

	@Test
	void folderOfSmallFiles() {
		int count = Integer.getInteger("bench.files", 2000);
		var folder = RunFolders.withFiles(temp, "bench-folder", count);
		var document = RunFolders.runDocument("bench-" + UUID.randomUUID(), folder, "bench folder");
		var run = new RunReader("").read(document.getBytes(StandardCharsets.UTF_8), null);
		var ingestion = new RunIngestion(CatalogServer.get().ingestorClient(), () -> {
		}, new FolderWalker(null), NexusReader.of(null), 20_000);
		long start = System.nanoTime();
		var outcome = ingestion.ingest(run, false, Progress.NONE);
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("BENCH folder: %d files catalogued in %.2f s (%.0f files/s, %d blocks)%n", outcome.files(),
				seconds, outcome.files() / seconds, outcome.blocksPosted());
		assertThat(outcome.files()).isEqualTo(count);
	}

	/**
	 * Runs of 10 files: through the SDK without Kafka, one at a time and {@code bench.concurrency} at a time, then
	 * as Kafka messages through the ingestor at the same concurrency, end to end; then a run's catalog write alone
	 * and the three writes of SciCat's way, each alone at that concurrency. All in one JVM against one catalog, so the ratios mean something.
	 */
	@Test
	void runsThroughTheSdkAndThroughKafka() throws Exception {
		var folder = RunFolders.withFiles(temp, "bench-runs", 10);
		var catalog = CatalogServer.get();
		var topic = "bench-runs-" + UUID.randomUUID();
		Brokers.createTopic(topic, PARTITIONS);
		try (var app = new SpringApplicationBuilder(IngestorApplication.class).web(WebApplicationType.NONE)
			.run("--ingestor.catalog.url=" + catalog.url(), "--ingestor.catalog.username=" + CatalogServer.INGESTOR,
					"--ingestor.catalog.password=" + CatalogServer.PASSWORD,
					"--ingestor.kafka.bootstrap-servers=" + Brokers.kafka(), "--ingestor.kafka.topics=" + topic,
					"--ingestor.kafka.group-id=bench-" + UUID.randomUUID(), "--ingestor.concurrency=" + CONCURRENCY,
					"--server.port=0")) {
			var pool = Executors.newFixedThreadPool(CONCURRENCY);
			try {
				measure(app, pool, folder, catalog, topic);
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	private static void measure(ConfigurableApplicationContext app, ExecutorService pool, Path folder,
			CatalogServer catalog, String topic) throws Exception {
		var ingested = app.getBean(MeterRegistry.class).counter("ingestor.runs.ingested", "source", "kafka");
		var client = catalog.ingestorClient();
		var ingestion = new RunIngestion(client, () -> {
		}, new FolderWalker(null), NexusReader.of(null), 20_000);
		IntFunction<String> message = i -> RunFolders.runDocument("bench-" + UUID.randomUUID(), folder, "bench run " + i);
		Step<Outcome> direct = i -> ingestion.ingest(
				new RunReader("").read(message.apply(i).getBytes(StandardCharsets.UTF_8), null), false, Progress.NONE);

		// both paths warmed up first (JIT, connections, consumer group), unmeasured: a fresh catalog spends its
		// first thousand requests more on compiling than on serving
		inParallel(pool, RUNS, direct);
		kafka(topic, ingested, RUNS / 5, message);

		var idle = Phase.start(catalog);
		Thread.sleep(3000);
		idle.printIdle();

		var sequential = Phase.start(catalog);
		for (int i = 0; i < RUNS / 4; i++) {
			direct.run(i);
		}
		sequential.print("direct, 1 at a time", RUNS / 4, "runs (10 files each) through the SDK");

		var parallel = Phase.start(catalog);
		var outcomes = inParallel(pool, RUNS, direct);
		double directRate = parallel.print("direct, " + CONCURRENCY + " at a time", RUNS,
				"runs (10 files each) through the SDK");

		var kafka = Phase.start(catalog);
		double done = kafka(topic, ingested, RUNS, message);
		double kafkaRate = kafka.print("kafka, " + CONCURRENCY + " at a time, " + PARTITIONS + " partition(s)",
				(int) done, "run messages (10 files each) end to end");
		System.out.printf("BENCH kafka/direct: %.2f%n", kafkaRate / directRate);
		assertThat(done).isEqualTo(RUNS);

		writesAlone(pool, client, folder, outcomes.stream().map(Outcome::pid).toList(), catalog);
	}

	/**
	 * A run's catalog write alone (the dataset with its file list), then the three writes SciCat clients make
	 * instead (the dataset, its file list, the lifecycle), {@code bench.concurrency} at a time: where the
	 * catalog's time goes.
	 */
	private static void writesAlone(ExecutorService pool, CatalogClient client, Path folder, List<String> pids,
			CatalogServer catalog) throws Exception {
		var json = ApiClient.createDefaultObjectMapper();
		var document = new RunReader("").read(RunFolders.runDocument("bench-writes", folder, "bench writes")
			.getBytes(StandardCharsets.UTF_8), null).dataset();
		document.putObject("datasetlifecycle").put("archivable", false);
		var files = new FolderWalker(null).walk(folder, seen -> {
		});
		var datasets = client.datasets();

		var whole = Phase.start(catalog);
		inParallel(pool, RUNS, i -> {
			var body = document.deepCopy().put("pid", UUID.randomUUID().toString());
			body.putArray("origdatablocks").add(json.valueToTree(block(files)));
			var request = new CreateDatasetRequest(json.treeToValue(body, CreateRawDataset.class));
			return client.await(() -> datasets.createDataset(request)).getPid();
		});
		whole.print("dataset with its file list alone (one request)", RUNS, "calls");

		var creates = Phase.start(catalog);
		var created = inParallel(pool, RUNS, i -> {
			var body = document.deepCopy().put("pid", UUID.randomUUID().toString());
			var request = new CreateDatasetRequest(json.treeToValue(body, CreateRawDataset.class));
			return client.await(() -> datasets.createDataset(request)).getPid();
		});
		creates.print("dataset create alone", RUNS, "calls");

		var blocks = Phase.start(catalog);
		inParallel(pool, RUNS, i -> client.await(() -> datasets.createDatasetOrigDatablock(created.get(i), block(files))));
		blocks.print("origdatablock create alone", RUNS, "calls");

		var patches = Phase.start(catalog);
		inParallel(pool, RUNS, i -> client.await(() -> datasets.updateDatasetLifecycle(pids.get(i),
				new DatasetLifecycle().archivable(true))));
		patches.print("lifecycle patch alone", RUNS, "calls");
	}

	private static CreateDatasetOrigDatablock block(List<DataFile> files) {
		long size = files.stream().mapToLong(file -> file.getSize().longValue()).sum();
		return new CreateDatasetOrigDatablock().dataFileList(new ArrayList<>(files)).size(BigDecimal.valueOf(size));
	}

	/** Sends {@code count} run messages and waits until the ingestor counted them; answers how many it counted. */
	private static double kafka(String topic, Counter ingested, int count,
			IntFunction<String> message) throws InterruptedException {
		double before = ingested.count();
		Brokers.send(topic, PARTITIONS, IntStream.range(0, count).mapToObj(message).toList());
		var deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
		while (ingested.count() - before < count && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		return ingested.count() - before;
	}

	@FunctionalInterface
	private interface Step<T> {

		T run(int i) throws Exception;

	}

	private static <T> List<T> inParallel(ExecutorService pool, int count, Step<T> step) throws Exception {
		var futures = new ArrayList<Future<T>>(count);
		for (int i = 0; i < count; i++) {
			int index = i;
			futures.add(pool.submit((Callable<T>) () -> step.run(index)));
		}
		var results = new ArrayList<T>(count);
		for (var future : futures) {
			results.add(future.get());
		}
		return results;
	}

	/**
	 * One measured phase: wall time, the CPU time of catalog-api and of this JVM (the ingestor, the Kafka broker and
	 * the bench itself), and how busy the machine's cores were (other processes included).
	 */
	private record Phase(CatalogServer catalog, long start, Duration catalogCpuBefore, Duration ownCpuBefore,
			long[] machineBefore) {

		static Phase start(CatalogServer catalog) {
			return new Phase(catalog, System.nanoTime(), catalog.cpuTime(), ownCpu(), machine());
		}

		double print(String name, int count, String what) {
			double seconds = (System.nanoTime() - start) / 1e9;
			double catalogMs = catalog.cpuTime().minus(catalogCpuBefore).toNanos() / 1e6;
			double ownMs = ownCpu().minus(ownCpuBefore).toNanos() / 1e6;
			var now = machine();
			long jiffies = now[1] - machineBefore[1];
			double busy = jiffies == 0 ? 0 : 100.0 * (now[0] - machineBefore[0]) / jiffies;
			System.out.printf("BENCH %s: %d %s in %.2f s (%.0f/s); CPU per item: catalog-api %.2f ms, ingestor JVM "
					+ "%.2f ms (catalog %.0f%%); machine %.0f%% busy%n", name, count, what, seconds, count / seconds,
					catalogMs / count, ownMs / count, 100 * catalogMs / (catalogMs + ownMs), busy);
			return count / seconds;
		}

		void printIdle() {
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("BENCH idle: catalog-api %.0f ms CPU per second, ingestor JVM %.0f ms CPU per second%n",
					catalog.cpuTime().minus(catalogCpuBefore).toNanos() / 1e6 / seconds,
					ownCpu().minus(ownCpuBefore).toNanos() / 1e6 / seconds);
		}

		private static Duration ownCpu() {
			return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
		}

		/** Busy and total jiffies of all cores, from /proc/stat; zeros where there is none. */
		private static long[] machine() {
			try {
				var fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
				long total = 0;
				for (int i = 1; i < fields.length; i++) {
					total += Long.parseLong(fields[i]);
				}
				long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
				return new long[] { total - idle, total };
			}
			catch (IOException | RuntimeException unavailable) {
				return new long[] { 0, 0 };
			}
		}

	}

}
