package io.catalog.api.event;

import org.bson.Document;
import reactor.core.publisher.Mono;

/**
 * Sends an event of the caller's own to a topic of its choosing, through the outbox (so it outlives a Kafka
 * outage), as a CloudEvent of type {@code io.catalog.<collection>.<operation>} keyed by the id.
 */
public class Events {

	private final Outbox outbox;

	Events(Outbox outbox) {
		this.outbox = outbox;
	}

	public Mono<Void> send(String topic, String collection, Object id, String operation, Document data) {
		return outbox.add(topic, collection, id, operation, data);
	}

}
