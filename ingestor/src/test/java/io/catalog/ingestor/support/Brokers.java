package io.catalog.ingestor.support;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The real brokers of the tests, one each per test JVM on random ports: Kafka (spring-kafka-test's KRaft broker) and
 * MQTT (Debian's mosquitto, installed by {@code .ci/run}; absent, MQTT tests skip).
 */
public final class Brokers {

	private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

	private static EmbeddedKafkaKraftBroker kafka;

	private static String mqtt;

	private Brokers() {
	}

	/** The Kafka bootstrap servers of an embedded KRaft broker. */
	public static synchronized String kafka() {
		if (kafka == null) {
			kafka = new EmbeddedKafkaKraftBroker(1, 1);
			kafka.afterPropertiesSet();
			Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy));
		}
		return kafka.getBrokersAsString();
	}

	/** Creates a topic with {@code partitions} partitions on the Kafka broker. */
	public static void createTopic(String name, int partitions) {
		kafka();
		kafka.addTopics(new NewTopic(name, partitions, (short) 1));
	}

	/**
	 * Sends records in order, record {@code i} to partition {@code i % partitions}, and waits until the broker has
	 * them all.
	 */
	public static void send(String topic, int partitions, List<String> values) {
		var properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka());
		try (var producer = new KafkaProducer<byte[], byte[]>(properties, new ByteArraySerializer(),
				new ByteArraySerializer())) {
			var sent = new ArrayList<Future<RecordMetadata>>();
			for (int i = 0; i < values.size(); i++) {
				sent.add(producer.send(new ProducerRecord<>(topic, i % partitions, null,
						values.get(i).getBytes(StandardCharsets.UTF_8))));
			}
			for (var record : sent) {
				record.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("cannot send to " + topic, ex);
		}
	}

	/** The offsets a consumer group committed on a topic, by partition (absent: nothing committed yet). */
	public static Map<Integer, Long> committed(String group, String topic) {
		try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka()))) {
			var offsets = new TreeMap<Integer, Long>();
			admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().forEach((partition, offset) -> {
				if (partition.topic().equals(topic) && offset != null) {
					offsets.put(partition.partition(), offset.offset());
				}
			});
			return offsets;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("cannot read the offsets of " + group, ex);
		}
	}

	/** Whether an MQTT broker can run here. */
	public static boolean mqttAvailable() {
		return Files.isExecutable(MOSQUITTO);
	}

	/** The URL of a mosquitto broker of this JVM, or "" (MQTT route off) when mosquitto is not installed. */
	public static synchronized String mqtt() {
		if (mqtt == null) {
			mqtt = mqttAvailable() ? startMosquitto() : "";
		}
		return mqtt;
	}

	private static String startMosquitto() {
		try {
			int port = CatalogServer.freePort();
			var dir = Files.createTempDirectory("mosquitto-");
			dir.toFile().setWritable(true, false);
			var config = Files.writeString(dir.resolve("mosquitto.conf"), """
					listener %d 127.0.0.1
					allow_anonymous true
					persistence false
					log_dest stdout
					""".formatted(port));
			config.toFile().setReadable(true, false);
			var process = new ProcessBuilder(MOSQUITTO.toString(), "-c", config.toString()).redirectErrorStream(true)
				.redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
			var deadline = Instant.now().plus(Duration.ofSeconds(10));
			while (Instant.now().isBefore(deadline)) {
				try {
					new Socket("127.0.0.1", port).close();
					return "tcp://127.0.0.1:" + port;
				}
				catch (IOException notYet) {
					Thread.sleep(100);
				}
			}
			throw new IllegalStateException("mosquitto did not start: " + Files.readString(dir.resolve("mosquitto.log")));
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start mosquitto", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
