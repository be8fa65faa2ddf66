package io.catalog.api.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.catalog.api.event.LocalKafka;

/**
 * The one place that starts the tests' Kafka: a real KRaft broker in its own JVM on a random loopback port
 * (the same one the local run starts), shared by the test JVM; {@link #fresh()} gives a test one of its own to
 * stop and start.
 */
public final class TestKafka {

	private static LocalKafka shared;

	private TestKafka() {
	}

	public static synchronized String bootstrapServers() {
		if (shared == null) {
			shared = fresh();
			Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
		}
		return shared.bootstrapServers();
	}

	/** A broker of its own, in a new temporary folder; the caller closes it. */
	public static LocalKafka fresh() {
		try {
			return LocalKafka.start(Files.createTempDirectory("kafka-test"));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Kafka broker did not start", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Reads a topic from the beginning until {@code count} records came or the time is up. */
	public static List<ConsumerRecord<String, String>> read(String bootstrapServers, String topic, int count,
			Duration timeout) {
		return read(bootstrapServers, topic, records -> records.size() >= count, timeout);
	}

	/** Reads a topic from the beginning until the records read so far satisfy {@code enough} or the time is up. */
	public static List<ConsumerRecord<String, String>> read(String bootstrapServers, String topic,
			Predicate<List<ConsumerRecord<String, String>>> enough, Duration timeout) {
		var records = new ArrayList<ConsumerRecord<String, String>>();
		try (var consumer = new KafkaConsumer<String, String>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			var deadline = System.nanoTime() + timeout.toNanos();
			while (!enough.test(records) && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(500)).forEach(records::add);
			}
		}
		return records;
	}

	/** A temporary folder for a test's own data. */
	public static Path tempDir(String prefix) throws IOException {
		return Files.createTempDirectory(prefix);
	}

}
