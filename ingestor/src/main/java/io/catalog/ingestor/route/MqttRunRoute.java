package io.catalog.ingestor.route;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

import io.catalog.ingestor.IngestorProperties;

/**
 * Consumes "run finished" messages from a control system over MQTT ({@code INGESTOR_MQTT_TOPICS}, QoS 1, a
 * persistent session so messages sent while the ingestor is away are kept); one route per topic, cataloguing up to
 * {@code INGESTOR_CONCURRENCY} runs at a time. A message is acknowledged only once its run is catalogued (or went to
 * the dead letter): one the catalog never answered stays unacknowledged, and the broker delivers it again when the
 * ingestor reconnects.
 */
@Component
@ConditionalOnExpression("!'${ingestor.mqtt.broker-url:}'.isBlank()")
class MqttRunRoute extends RouteBuilder {

	private final IngestorProperties.Mqtt mqtt;

	private final int concurrency;

	private final Runs runs;

	MqttRunRoute(IngestorProperties properties, Runs runs) {
		this.mqtt = properties.mqtt();
		this.concurrency = properties.concurrency();
		this.runs = runs;
	}

	@Override
	public void configure() {
		for (int i = 0; i < mqtt.topics().size(); i++) {
			from("paho-mqtt5:" + mqtt.topics().get(i) + "?brokerUrl=" + mqtt.brokerUrl()
					+ "&qos=1&cleanStart=false&manualAcksEnabled=true&clientId=catalog-ingestor-" + i)
				.routeId("mqtt-runs-" + i).routeConfigurationId(ErrorPolicy.ID)
				// the client's callback hands the run over and returns; when all threads are busy it runs one itself
				.threads(concurrency, concurrency).maxQueueSize(concurrency).threadName("mqtt-runs-" + i)
				.rejectedPolicy(ThreadPoolRejectedPolicy.CallerRuns)
				.setProperty(Runs.SOURCE, constant("mqtt"))
				.setProperty(Runs.DEAD_LETTER, constant("paho-mqtt5:" + mqtt.deadLetterTopic() + "?brokerUrl="
						+ mqtt.brokerUrl() + "&qos=1&clientId=catalog-ingestor-dead-letter-" + i))
				.process(runs::ingest);
		}
	}

}
