package io.catalog.api.event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Sends the outbox to Kafka on its own thread: the oldest entries first, and per document one entry at a time
 * (the next only after Kafka acknowledged the one before, so a failed send can never be overtaken; an entry not
 * yet confirmed holds back its document's later entries). Each entry is deleted only once Kafka acknowledged it.
 * When Kafka is away it retries until Kafka is back; nothing is dropped.
 */
class EventRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EventRelay.class);

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final Outbox outbox;

	private final Producer<String, CloudEvent> producer;

	private final CloudEvents events;

	private final EventProperties properties;

	private final Semaphore work = new Semaphore(0);

	private volatile Thread thread;

	EventRelay(Outbox outbox, Producer<String, CloudEvent> producer, CloudEvents events, EventProperties properties) {
		this.outbox = outbox;
		this.producer = producer;
		this.events = events;
		this.properties = properties;
	}

	/** Something was written: look at the outbox now rather than at the next tick. */
	void wake() {
		work.release();
	}

	@Override
	public void start() {
		var relay = new Thread(this::loop, "event-relay");
		relay.setDaemon(true);
		thread = relay;
		relay.start();
	}

	@Override
	public void stop() {
		var relay = thread;
		thread = null;
		if (relay != null) {
			relay.interrupt();
			try {
				relay.join(WAIT.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return thread != null;
	}

	private void loop() {
		long backoff = 0;
		while (thread == Thread.currentThread()) {
			try {
				work.tryAcquire(backoff > 0 ? backoff : 1000, TimeUnit.MILLISECONDS);
				work.drainPermits();
				int sent;
				do {
					sent = sendOnce();
				}
				while (sent > 0 && thread == Thread.currentThread());
				backoff = 0;
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				backoff = Math.min(Math.max(backoff * 2, 500), 5000);
				log.warn("Events wait in the outbox, retrying in {} ms: {}", backoff, ex.toString());
			}
		}
	}

	/** Sends one batch; answers how many entries reached Kafka. */
	int sendOnce() throws InterruptedException {
		var batch = outbox.oldest(properties.batchSize()).collectList().block(WAIT);
		var held = new HashSet<String>();
		var sending = new ArrayList<Document>();
		long fetched = 0;
		for (var entry : batch == null ? List.<Document>of() : batch) {
			var key = entry.getString("collection") + "/" + entry.get("documentId");
			if (held.contains(key)) {
				continue;
			}
			held.add(key);
			var ready = outbox.ready(entry);
			if (ready == null && outbox.confirmedWithoutDocument(entry)) {
				if (fetched > properties.outboxMemory().toBytes()) {
					break;
				}
				ready = outbox.fromStore(entry).block(WAIT);
				fetched += Footprint.of(ready);
			}
			else if (ready == null) {
				ready = recoverIfOld(entry);
				fetched += ready == null ? 0 : Footprint.of(ready);
			}
			if (ready != null) {
				sending.add(ready);
			}
		}
		return send(sending);
	}

	private Document recoverIfOld(Document entry) {
		var age = System.currentTimeMillis() - entry.getDate("at").getTime();
		if (age < properties.recoverAfter().toMillis()) {
			return null;
		}
		var recovered = outbox.recover(entry).block(WAIT);
		log.info("Outbox entry {} was never confirmed: {}", entry.get("_id"), recovered == null ? "dropped" : "sent");
		return recovered;
	}

	private int send(List<Document> entries) throws InterruptedException {
		var futures = new ArrayList<Future<RecordMetadata>>(entries.size());
		for (var entry : entries) {
			var future = producer.send(record(entry, false));
			futures.add(future);
			if (future.isDone() && failed(future)) {
				break;
			}
		}
		var sent = new ArrayList<Object>();
		RuntimeException failure = null;
		for (int i = 0; i < futures.size(); i++) {
			try {
				futures.get(i).get();
				sent.add(entries.get(i).get("_id"));
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof RecordTooLargeException && sentWithoutData(entries.get(i))) {
					sent.add(entries.get(i).get("_id"));
				}
				else {
					failure = new IllegalStateException("Kafka refused an event", ex.getCause());
				}
			}
		}
		return confirmSent(sent, failure);
	}

	private ProducerRecord<String, CloudEvent> record(Document entry, boolean withoutData) {
		var event = events.of(entry, withoutData);
		return new ProducerRecord<>(entry.getString("topic"), event.getSubject(), event);
	}

	/** An event larger than Kafka takes goes without its document (consumers read it from the API). */
	private boolean sentWithoutData(Document entry) throws InterruptedException {
		try {
			producer.send(record(entry, true)).get();
			log.info("Event {} was larger than Kafka accepts; sent without its document", entry.get("_id"));
			return true;
		}
		catch (ExecutionException ex) {
			return false;
		}
	}

	/** A send that failed at once (no metadata: Kafka away) stops the batch, so no later event overtakes it. */
	private static boolean failed(Future<RecordMetadata> future) throws InterruptedException {
		try {
			future.get();
			return false;
		}
		catch (ExecutionException ex) {
			return !(ex.getCause() instanceof RecordTooLargeException);
		}
	}

	private int confirmSent(List<Object> sent, RuntimeException failure) {
		if (!sent.isEmpty()) {
			outbox.delete(sent).block(WAIT);
		}
		if (failure != null) {
			throw failure;
		}
		return sent.size();
	}

}
