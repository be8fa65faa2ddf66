package io.catalog.ingestor.route;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualAsyncCommitFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

import io.catalog.ingestor.IngestorProperties;

/**
 * Consumes "run finished" messages from {@code INGESTOR_KAFKA_TOPICS}; the offset is committed only after the
 * catalog accepted the dataset (or the run went to the dead-letter topic).
 */
@Component
@ConditionalOnExpression("!'${ingestor.kafka.bootstrap-servers:}'.isBlank()")
class KafkaRunRoute extends RouteBuilder {

	private final IngestorProperties.Kafka kafka;

	private final Runs runs;

	KafkaRunRoute(IngestorProperties properties, Runs runs) {
		this.kafka = properties.kafka();
		this.runs = runs;
	}

	@Override
	public void configure() {
		from("kafka:" + String.join(",", kafka.topics()) + "?brokers=" + kafka.bootstrapServers() + "&groupId="
				+ kafka.groupId() + "&autoOffsetReset=earliest&autoCommitEnable=false&allowManualCommit=true"
				+ "&breakOnFirstError=true&valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer"
				// commits are requested after the catalog accepted the run, and sent without waiting for the broker
				+ "&kafkaManualCommitFactory=#class:" + DefaultKafkaManualAsyncCommitFactory.class.getName())
			.routeId("kafka-runs").routeConfigurationId(ErrorPolicy.ID)
			.setProperty(Runs.SOURCE, constant("kafka"))
			.setProperty(Runs.DEAD_LETTER, constant("kafka:" + kafka.deadLetterTopic() + "?brokers="
					+ kafka.bootstrapServers()
					+ "&valueSerializer=org.apache.kafka.common.serialization.ByteArraySerializer"))
			.process(runs::ingest)
			.process(Runs::commitOffset);
	}

}
