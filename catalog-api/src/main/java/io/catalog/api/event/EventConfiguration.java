package io.catalog.api.event;

import java.io.IOException;
import java.util.HashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.catalog.api.store.StoreProperties;

/** Wires the outbox, the relay and the Kafka producer; starts the local broker when no brokers are named. */
@Configuration(proxyBeanMethods = false)
class EventConfiguration {

	@Bean(destroyMethod = "close")
	Brokers brokers(EventProperties properties, StoreProperties store) throws IOException, InterruptedException {
		if (!properties.localBroker()) {
			return new Brokers(properties.bootstrapServers(), null);
		}
		var local = LocalKafka.start(store.dataDir().resolve("kafka"));
		return new Brokers(local.bootstrapServers(), local);
	}

	@Bean(destroyMethod = "close")
	Producer<String, CloudEvent> eventProducer(Brokers brokers, EventProperties properties) {
		var config = new HashMap<String, Object>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers.bootstrapServers());
		config.put(ProducerConfig.CLIENT_ID_CONFIG, "catalog-api-events");
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30000);
		properties.producer().forEach((key, value) -> {
			if (value != null && !value.isBlank()) {
				config.put(key, value);
			}
		});
		var serializer = new CloudEventSerializer();
		serializer.configure(java.util.Map.of(CloudEventSerializer.ENCODING_CONFIG, Encoding.STRUCTURED,
				CloudEventSerializer.EVENT_FORMAT_CONFIG, JsonFormat.CONTENT_TYPE), false);
		return new KafkaProducer<>(config, new StringSerializer(), serializer);
	}

	@Bean
	Outbox outbox(MongoDatabase database, EventProperties properties, ObjectProvider<EventRelay> relay) {
		return new Outbox(database, properties, () -> relay.ifAvailable(EventRelay::wake));
	}

	@Bean
	StartupReport startupReport(Brokers brokers) {
		return new StartupReport(brokers);
	}

	@Bean
	Events events(Outbox outbox) {
		return new Events(outbox);
	}

	@Bean
	EventRelay eventRelay(Outbox outbox, Producer<String, CloudEvent> producer, ObjectMapper mapper,
			EventProperties properties) {
		return new EventRelay(outbox, producer, new CloudEvents(mapper, properties.source()), properties);
	}

	/** The brokers events go to, and the local one when this process started it. */
	record Brokers(String bootstrapServers, LocalKafka local) {

		void close() {
			if (local != null) {
				local.close();
			}
		}

	}

}
