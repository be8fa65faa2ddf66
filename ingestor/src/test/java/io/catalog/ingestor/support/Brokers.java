package io.catalog.ingestor.support;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

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
