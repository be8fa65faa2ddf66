package io.catalog.api.event;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Where and how the catalog's events go.
 *
 * @param bootstrapServers Kafka brokers ({@code KAFKA_BOOTSTRAP_SERVERS}); blank starts a local KRaft broker
 * @param producer further Kafka producer settings passed through as they are (security: {@code security.protocol},
 * {@code sasl.mechanism}, {@code sasl.jaas.config}, {@code ssl.*}); blank values are dropped
 * @param topics per collection, the topic its events go to; collections not named here send no events
 * @param source the CloudEvents {@code source} of every event
 * @param recoverAfter how old a write noted but never confirmed must be before the relay decides from the
 * document whether it happened (a crash between write and confirmation)
 * @param batchSize how many outbox entries the relay sends at a time
 * @param outboxMemory how much memory the documents of confirmed writes waiting for Kafka may take (Kafka away);
 * past it only their ids are kept, and each event is sent with its document as stored when Kafka is back
 */
@ConfigurationProperties("catalog.events")
public record EventProperties(String bootstrapServers, Map<String, String> producer, Map<String, String> topics,
		String source, Duration recoverAfter, int batchSize, DataSize outboxMemory) {

	public EventProperties {
		outboxMemory = outboxMemory == null || outboxMemory.toBytes() <= 0 ? DataSize.ofMegabytes(64) : outboxMemory;
		producer = producer == null ? Map.of() : Map.copyOf(producer);
		topics = topics == null ? Map.of() : Map.copyOf(topics);
		source = source == null || source.isBlank() ? "urn:catalog-api" : source;
		recoverAfter = recoverAfter == null ? Duration.ofSeconds(30) : recoverAfter;
		batchSize = batchSize <= 0 ? 500 : batchSize;
	}

	boolean localBroker() {
		return bootstrapServers == null || bootstrapServers.isBlank();
	}

}
