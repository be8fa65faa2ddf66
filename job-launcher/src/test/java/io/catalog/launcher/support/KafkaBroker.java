package io.catalog.launcher.support;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real Kafka broker (spring-kafka-test's KRaft broker) for the test JVM, on a random port. */
public final class KafkaBroker {

	private static EmbeddedKafkaKraftBroker kafka;

	private KafkaBroker() {
	}

	/** Its bootstrap servers, starting it on first use. */
	public static synchronized String bootstrapServers() {
		if (kafka == null) {
			kafka = new EmbeddedKafkaKraftBroker(1, 1, "catalog.jobs.analysis", "catalog.jobs.jupyter");
			kafka.afterPropertiesSet();
			Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy));
		}
		return kafka.getBrokersAsString();
	}

}
