package io.catalog.ingestor.route;

import java.time.Duration;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualCommitFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

import io.catalog.ingestor.IngestorProperties;

/**
 * Consumes "run finished" messages from {@code INGESTOR_KAFKA_TOPICS} in batches of up to {@code INGESTOR_KAFKA_BATCH}
 * records, cataloguing {@code INGESTOR_CONCURRENCY} runs at a time ({@link KafkaBatches}); an offset is committed only
 * once every run up to it was catalogued or went to the dead-letter topic.
 */
@Component
@ConditionalOnExpression("!'${ingestor.kafka.bootstrap-servers:}'.isBlank()")
class KafkaRunRoute extends RouteBuilder {

	/** The route one run takes, with the error policy; {@link KafkaBatches} sends each record of a batch to it. */
	static final String RUN = "direct:kafka-run";

	/** How long a poll waits, and how long a batch waits for more records before it starts. */
	private static final int POLL_MILLIS = 100;

	private final IngestorProperties.Kafka kafka;

	private final int concurrency;

	private final Duration maxPollInterval;

	private final Runs runs;

	private final ProducerTemplate template;

	KafkaRunRoute(IngestorProperties properties, Runs runs, ProducerTemplate template) {
		this.kafka = properties.kafka();
		this.concurrency = properties.concurrency();
		this.maxPollInterval = maxPollInterval(properties.retry());
		this.runs = runs;
		this.template = template;
	}

	/**
	 * How long a batch may take before Kafka gives its partitions to another consumer: longer than a run's whole
	 * retry cycle while the catalog is away (every retry at the longest delay), with five minutes to spare.
	 */
	static Duration maxPollInterval(IngestorProperties.Retry retry) {
		return retry.maxDelay().multipliedBy(retry.maxRedeliveries() + 1L).plusMinutes(5);
	}

	@Override
	public void configure() {
		var pool = getContext().getExecutorServiceManager().newFixedThreadPool(this, "kafka-runs", concurrency);
		from("kafka:" + String.join(",", kafka.topics()) + "?brokers=" + kafka.bootstrapServers() + "&groupId="
				+ kafka.groupId() + "&autoOffsetReset=earliest&autoCommitEnable=false"
				+ "&valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer"
				+ "&batching=true&maxPollRecords=" + kafka.batchSize() + "&pollTimeoutMs=" + POLL_MILLIS
				+ "&batchingIntervalMs=" + POLL_MILLIS + "&maxPollIntervalMs=" + maxPollInterval.toMillis()
				// offsets are committed by KafkaBatches, synchronously on the consumer's thread, after the runs are done
				+ "&allowManualCommit=true&kafkaManualCommitFactory=#class:"
				+ DefaultKafkaManualCommitFactory.class.getName()
				// a batch with an unfinished run fails: the consumer reads again from the last committed offset
				+ "&breakOnFirstError=true")
			.routeId("kafka-runs")
			// each run has the error policy in the kafka-run route; what fails here is left to breakOnFirstError
			.errorHandler(noErrorHandler())
			.process(new KafkaBatches(template, RUN, pool));

		from(RUN).routeId("kafka-run").routeConfigurationId(ErrorPolicy.ID)
			.setProperty(Runs.SOURCE, constant("kafka"))
			.setProperty(Runs.DEAD_LETTER, constant("kafka:" + kafka.deadLetterTopic() + "?brokers="
					+ kafka.bootstrapServers()
					+ "&valueSerializer=org.apache.kafka.common.serialization.ByteArraySerializer"))
			.process(runs::ingest);
	}

}
