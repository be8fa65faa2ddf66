package io.catalog.ingestor.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;

import org.assertj.core.api.InstanceOfAssertFactories;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.catalog.ingestor.IngestorApplication;
import io.catalog.ingestor.run.RunReader;
import io.catalog.ingestor.support.Brokers;
import io.catalog.ingestor.support.CatalogServer;
import io.catalog.ingestor.support.NexusFiles;
import io.catalog.ingestor.support.RunFolders;
import io.catalog.sdk.CatalogClient;
import io.catalog.sdk.model.Dataset;

/** The routes end to end: a real catalog-api, a real Kafka (KRaft) and MQTT broker, real files and HDF5 files. */
@SpringBootTest(classes = IngestorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class IngestorRoutesTest {

	private static Path temp;

	private static Path drop;

	@Autowired
	MeterRegistry meters;

	@BeforeAll
	static void folders() throws Exception {
		temp = Files.createTempDirectory("ingestor-routes-");
		drop = Files.createDirectories(temp.resolve("drop"));
	}

	@AfterAll
	static void cleanUp() {
		org.springframework.util.FileSystemUtils.deleteRecursively(temp.toFile());
	}

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		var catalog = CatalogServer.get();
		registry.add("ingestor.catalog.url", catalog::url);
		registry.add("ingestor.catalog.username", () -> CatalogServer.INGESTOR);
		registry.add("ingestor.catalog.password", () -> CatalogServer.PASSWORD);
		registry.add("ingestor.drop.dir", () -> drop.toString());
		registry.add("ingestor.drop.delay", () -> "200ms");
		registry.add("ingestor.kafka.bootstrap-servers", Brokers::kafka);
		registry.add("ingestor.mqtt.broker-url", Brokers::mqtt);
		registry.add("ingestor.retry.delay", () -> "100ms");
		registry.add("ingestor.retry.max-redeliveries", () -> "2");
	}

	private static CatalogClient catalog() {
		return CatalogServer.get().ingestorClient();
	}

	private static String pidOf(String document) {
		return new RunReader("").read(document.getBytes(StandardCharsets.UTF_8), null).pid();
	}

	private static Dataset awaitDataset(String pid) {
		var catalog = catalog();
		return await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
			.until(() -> catalog.await(() -> catalog.datasets().getDataset(pid)),
					dataset -> Boolean.TRUE.equals(dataset.getDatasetlifecycle().getArchivable()));
	}

	private static int filesOf(String pid) {
		var catalog = catalog();
		return catalog.await(() -> catalog.datasets().listDatasetOrigDatablocks(pid)).stream()
			.mapToInt(block -> block.getDataFileList().size()).sum();
	}

	private static void sendKafka(String topic, String message) {
		var properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Brokers.kafka());
		try (var producer = new KafkaProducer<byte[], byte[]>(properties, new ByteArraySerializer(),
				new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(topic, message.getBytes(StandardCharsets.UTF_8)));
		}
	}

	@Test
	void aDroppedFileBecomesADatasetWithItsFilesAndMovesToDone() throws Exception {
		var folder = RunFolders.withFiles(temp, "dropped", 4);
		var document = RunFolders.runDocument("drop-" + UUID.randomUUID(), folder, "dropped run");
		Files.writeString(drop.resolve("run-dropped.json"), document);
		var dataset = awaitDataset(pidOf(document));
		assertThat(dataset.getNumberOfFiles()).isEqualTo(4);
		await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(drop.resolve("done/run-dropped.json")));
	}

	@Test
	void aDroppedFileWithBadMetadataMovesToFailedWithTheReason() throws Exception {
		var folder = RunFolders.withFiles(temp, "bad-drop", 1);
		Files.writeString(drop.resolve("run-bad.yaml"), "runId: bad-" + UUID.randomUUID() + "\ndatasetName: no owner\n"
				+ "sourceFolder: " + folder + "\n");
		var reason = drop.resolve("failed/run-bad.yaml.reason.txt");
		await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(drop.resolve("failed/run-bad.yaml")));
		assertThat(Files.readString(reason)).contains("400").contains("ownerGroup");
	}

	@Test
	void aKafkaMessageTwiceIsOneDatasetWithOneSetOfFiles() {
		var folder = RunFolders.withFiles(temp, "kafka", 3);
		var document = RunFolders.runDocument("kafka-" + UUID.randomUUID(), folder, "kafka run");
		sendKafka("runs", document);
		sendKafka("runs", document);
		var pid = pidOf(document);
		awaitDataset(pid);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(20))
			.until(() -> meters.counter("ingestor.runs.ingested", "source", "kafka").count() >= 2);
		assertThat(filesOf(pid)).isEqualTo(3);
	}

	@Test
	void aKafkaMessageWithBadMetadataGoesToTheDeadLetterTopicWithTheReason() {
		var marker = "bad-" + UUID.randomUUID();
		sendKafka("runs", "{\"runId\": \"" + marker + "\", \"datasetName\": \"x\", \"sourceFolder\": \"/nowhere/" + marker
				+ "\"}");
		var properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Brokers.kafka());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + marker);
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (var consumer = new KafkaConsumer<byte[], byte[]>(properties, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of("runs.DLT"));
			var reason = await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (var record : consumer.poll(Duration.ofMillis(500))) {
					if (new String(record.value(), StandardCharsets.UTF_8).contains(marker)) {
						return new String(record.headers().lastHeader("ingestor-reason").value(), StandardCharsets.UTF_8);
					}
				}
				return null;
			}, found -> found != null);
			assertThat(reason).contains("sourceFolder").contains("not a readable folder");
		}
	}

	@Test
	void anMqttMessageBecomesADataset() throws Exception {
		Assumptions.assumeTrue(Brokers.mqttAvailable(), "mosquitto is not installed (.ci/run installs it)");
		var folder = RunFolders.withFiles(temp, "mqtt", 2);
		var document = RunFolders.runDocument("mqtt-" + UUID.randomUUID(), folder, "mqtt run");
		var client = new MqttClient(Brokers.mqtt(), "test-publisher-" + UUID.randomUUID(), new MemoryPersistence());
		try {
			client.connect();
			await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
				var message = new MqttMessage(document.getBytes(StandardCharsets.UTF_8));
				message.setQos(1);
				client.publish("beamline/runs", message);
				assertThat(catalog().await(() -> catalog().datasets().getDataset(pidOf(document)))).isNotNull();
			});
			client.disconnect();
		}
		finally {
			client.close();
		}
		assertThat(filesOf(pidOf(document))).isEqualTo(2);
	}

	@Test
	void manyMqttMessagesAtOnceAreEachOneDatasetWithItsFiles() throws Exception {
		Assumptions.assumeTrue(Brokers.mqttAvailable(), "mosquitto is not installed (.ci/run installs it)");
		var folder = RunFolders.withFiles(temp, "mqtt-many", 2);
		var documents = IntStream.range(0, 12)
			.mapToObj(i -> RunFolders.runDocument("mqtt-many-" + UUID.randomUUID(), folder, "mqtt run " + i))
			.toList();
		var client = new MqttClient(Brokers.mqtt(), "test-publisher-" + UUID.randomUUID(), new MemoryPersistence());
		try {
			client.connect();
			// the first one again until the ingestor's subscription is there, then the others all at once
			await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
				publish(client, documents.get(0));
				assertThat(catalog().await(() -> catalog().datasets().getDataset(pidOf(documents.get(0))))).isNotNull();
			});
			for (var document : documents.subList(1, documents.size())) {
				publish(client, document);
			}
			client.disconnect();
		}
		finally {
			client.close();
		}
		for (var document : documents) {
			awaitDataset(pidOf(document));
			assertThat(filesOf(pidOf(document))).isEqualTo(2);
		}
	}

	private static void publish(MqttClient client, String document) throws Exception {
		var message = new MqttMessage(document.getBytes(StandardCharsets.UTF_8));
		message.setQos(1);
		client.publish("beamline/runs", message);
	}

	@Test
	void aRunPointingAtANexusFileGetsItsEnergyAndTemperatureWithUnits() {
		var folder = RunFolders.withFiles(temp, "nexus", 1);
		var nexus = NexusFiles.write(folder.resolve("run.nxs"), 9.7, 293.15);
		var document = "{\"runId\": \"nexus-" + UUID.randomUUID() + "\", \"datasetName\": \"nexus run\", \"nexusFile\": \""
				+ nexus + "\", \"ownerGroup\": \"p1234\", \"owner\": \"Ada\", \"contactEmail\": \"ada@facility.example\","
				+ " \"principalInvestigator\": \"Ada\", \"creationTime\": \"2026-11-22T10:00:00Z\","
				+ " \"creationLocation\": \"/Facility/Beamline\"}";
		sendKafka("runs", document);
		var dataset = awaitDataset(pidOf(document));
		var metadata = dataset.getScientificMetadata();
		assertThat(metadata.get("energy")).asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("value", 9.7)
			.containsEntry("unit", "keV");
		assertThat(metadata.get("temperature")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("value", 293.15).containsEntry("unit", "K");
		assertThat(dataset.getNumberOfFiles()).isEqualTo(2);
	}

}
