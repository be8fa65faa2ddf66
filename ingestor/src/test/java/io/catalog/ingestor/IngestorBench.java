package io.catalog.ingestor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import io.catalog.ingestor.run.FolderWalker;
import io.catalog.ingestor.run.NexusReader;
import io.catalog.ingestor.run.Progress;
import io.catalog.ingestor.run.RunIngestion;
import io.catalog.ingestor.run.RunReader;
import io.catalog.ingestor.support.Brokers;
import io.catalog.ingestor.support.CatalogServer;
import io.catalog.ingestor.support.RunFolders;

/**
 * The ingestor's benchmark: a command that prints numbers (no timing assertions). Not run by {@code mvn verify}
 * (the name does not end in Test); run it with
 * {@code mvn -B -pl openapi/java-sdk,ingestor test -Dtest=IngestorBench -Dsurefire.failIfNoSpecifiedTests=false
 * -Dbench.files=100000 -Dbench.runs=1000} after one {@code mvn -B verify}. Defaults are a tiny smoke.
 */
@Tag("bench")
class IngestorBench {

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

	@Test
	void runsWithoutKafka() {
		int runs = Integer.getInteger("bench.runs", 50);
		var folder = RunFolders.withFiles(temp, "bench-direct", 10);
		var reader = new RunReader("");
		var ingestion = new RunIngestion(CatalogServer.get().ingestorClient(), () -> {
		}, new FolderWalker(null), NexusReader.of(null), 20_000);
		long start = System.nanoTime();
		for (int i = 0; i < runs; i++) {
			var document = RunFolders.runDocument("bench-direct-" + UUID.randomUUID(), folder, "direct run " + i);
			ingestion.ingest(reader.read(document.getBytes(StandardCharsets.UTF_8), null), false, Progress.NONE);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("BENCH direct: %d runs (10 files each) through the SDK in %.2f s (%.0f runs/s)%n", runs, seconds,
				runs / seconds);
		assertThat(seconds).isPositive();
	}

	@Test
	void kafkaRunMessages() throws Exception {
		int runs = Integer.getInteger("bench.runs", 50);
		var folder = RunFolders.withFiles(temp, "bench-kafka", 10);
		var catalog = CatalogServer.get();
		try (var app = new SpringApplicationBuilder(IngestorApplication.class).web(WebApplicationType.NONE)
			.run("--ingestor.catalog.url=" + catalog.url(), "--ingestor.catalog.username=" + CatalogServer.INGESTOR,
					"--ingestor.catalog.password=" + CatalogServer.PASSWORD,
					"--ingestor.kafka.bootstrap-servers=" + Brokers.kafka(), "--ingestor.kafka.topics=bench-runs",
					"--ingestor.kafka.group-id=bench-" + UUID.randomUUID(), "--server.port=0")) {
			var meters = app.getBean(MeterRegistry.class);
			var properties = new Properties();
			properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Brokers.kafka());
			long start = System.nanoTime();
			try (var producer = new KafkaProducer<byte[], byte[]>(properties, new ByteArraySerializer(),
					new ByteArraySerializer())) {
				for (int i = 0; i < runs; i++) {
					var document = RunFolders.runDocument("bench-kafka-" + UUID.randomUUID(), folder, "bench run " + i);
					producer.send(new ProducerRecord<>("bench-runs", document.getBytes(StandardCharsets.UTF_8)));
				}
			}
			var deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
			while (meters.counter("ingestor.runs.ingested", "source", "kafka").count() < runs
					&& System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			double done = meters.counter("ingestor.runs.ingested", "source", "kafka").count();
			System.out.printf("BENCH kafka: %.0f run messages (10 files each) in %.2f s end to end (%.0f runs/s)%n", done,
					seconds, done / seconds);
			assertThat(done).isEqualTo(runs);
		}
	}

}
