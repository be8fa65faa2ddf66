package io.catalog.api.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.catalog.api.document.Change;
import io.catalog.api.document.Journal;

/**
 * The event outbox: a collection where every followed write is noted ({@code pending}) before the store makes
 * it. The write's confirmation, with the document as written, stays in memory: one small store write per
 * change. The relay sends confirmed entries and deletes them once Kafka has them, so an event outlives a Kafka
 * outage. The documents held are bounded by their size ({@link EventProperties#outboxMemory}); past it a
 * confirmation keeps only the entry's id, and its event carries the document as stored when sent
 * ({@link #fromStore}). An entry whose confirmation was lost (a crash, or more ids than memory keeps) is decided
 * from the stored document ({@link #recover}). The entry id is the event id.
 */
class Outbox implements Journal {

	static final String COLLECTION = "Outbox";

	static final String PENDING = "pending";

	static final String READY = "ready";

	/** Beyond this many confirmations waiting (Kafka away for long), entries are decided from the store. */
	static final int MAX_CONFIRMED_IN_MEMORY = 100_000;

	private final MongoDatabase database;

	private final EventProperties properties;

	private final Runnable wake;

	private final AtomicLong sequence = new AtomicLong();

	/** Confirmed entries: with the document as written, or (past the memory bound) only their id. */
	private final Map<Object, Held> confirmed = new ConcurrentHashMap<>();

	private final AtomicLong heldBytes = new AtomicLong();

	Outbox(MongoDatabase database, EventProperties properties, Runnable wake) {
		this.database = database;
		this.properties = properties;
		this.wake = wake;
	}

	MongoCollection<Document> entries() {
		return database.getCollection(COLLECTION);
	}

	@Override
	public Mono<Object> begin(String collection, Object id, Change.Operation operation) {
		var topic = properties.topics().get(collection);
		return topic == null ? Mono.empty() : note(topic, collection, id, operation.name());
	}

	/** Notes the followed writes of the list with one store write. */
	@Override
	public Mono<List<Optional<Object>>> begin(List<Write> writes) {
		var notes = new ArrayList<Optional<Object>>(writes.size());
		var entries = new ArrayList<Document>(writes.size());
		for (var write : writes) {
			var topic = properties.topics().get(write.collection());
			var entry = topic == null ? null : entry(topic, write.collection(), write.id(), write.operation().name());
			notes.add(Optional.ofNullable(entry).map(e -> e.get("_id")));
			if (entry != null) {
				entries.add(entry);
			}
		}
		return entries.isEmpty() ? Mono.just(notes) : Mono.from(entries().insertMany(entries)).thenReturn(notes);
	}

	/** Notes a write about to be made, whose event goes to the given topic; answers the note's id. */
	Mono<Object> note(String topic, String collection, Object id, String operation) {
		var entry = entry(topic, collection, id, operation);
		return Mono.from(entries().insertOne(entry)).thenReturn(entry.get("_id"));
	}

	private Document entry(String topic, String collection, Object id, String operation) {
		return new Document("_id", UUID.randomUUID().toString()).append("seq", nextSequence())
			.append("state", PENDING).append("topic", topic).append("collection", collection)
			.append("documentId", id).append("operation", operation).append("at", new Date());
	}

	@Override
	public Mono<Void> confirm(Object entry, Document document) {
		return Mono.fromRunnable(() -> {
			if (confirmed.size() < MAX_CONFIRMED_IN_MEMORY) {
				long bytes = Footprint.of(document);
				if (heldBytes.addAndGet(bytes) <= properties.outboxMemory().toBytes()) {
					forget(confirmed.put(entry, new Held(document, bytes)));
				}
				else {
					heldBytes.addAndGet(-bytes);
					forget(confirmed.put(entry, Held.ID_ONLY));
				}
			}
			wake.run();
		});
	}

	/** The entry ready to send: stored ready, or confirmed in memory with the document as written. */
	Document ready(Document entry) {
		if (READY.equals(entry.get("state"))) {
			return entry;
		}
		var held = confirmed.get(entry.get("_id"));
		return held == null || held.document() == null ? null
				: new Document(entry).append("state", READY).append("data", held.document());
	}

	/** Whether the entry was confirmed but its document not kept (memory full): send it as stored now. */
	boolean confirmedWithoutDocument(Document entry) {
		var held = confirmed.get(entry.get("_id"));
		return held != null && held.document() == null;
	}

	/**
	 * A confirmed entry whose document was not kept, ready with the document as stored now (the write happened; a
	 * later write's own entry follows it), or only its id when it is gone or was deleted.
	 */
	Mono<Document> fromStore(Document entry) {
		var id = entry.get("documentId");
		var ready = new Document(entry).append("state", READY);
		if (Change.Operation.DELETE.name().equals(entry.get("operation"))) {
			return Mono.just(ready.append("data", new Document("_id", id)));
		}
		return Mono.from(database.getCollection(entry.getString("collection")).find(Filters.eq("_id", id)).first())
			.defaultIfEmpty(new Document("_id", id))
			.map(document -> ready.append("data", document));
	}

	/** The bytes the documents held in memory take, as estimated. */
	long heldBytes() {
		return heldBytes.get();
	}

	@Override
	public Mono<Void> abandon(Object entry) {
		forget(confirmed.remove(entry));
		return Mono.from(entries().deleteOne(Filters.eq("_id", entry))).then();
	}

	private void forget(Held held) {
		if (held != null) {
			heldBytes.addAndGet(-held.bytes());
		}
	}

	/**
	 * A confirmation in memory.
	 *
	 * @param document the document as written, or {@code null} when only the id is kept
	 * @param bytes its estimated size
	 */
	private record Held(Document document, long bytes) {

		static final Held ID_ONLY = new Held(null, 0);

	}

	/** The oldest entries, in the order their writes were noted. */
	Flux<Document> oldest(int limit) {
		return Flux.from(entries().find().sort(new Document("seq", 1)).limit(limit));
	}

	/**
	 * Decides an entry whose write was noted but never confirmed: the write happened if the document is as the
	 * operation leaves it (there for a create or update, gone for a delete); then the entry becomes ready with the
	 * document as it is now, else it is dropped. Answers the ready entry, or nothing.
	 */
	Mono<Document> recover(Document entry) {
		var delete = Change.Operation.DELETE.name().equals(entry.get("operation"));
		return Mono.from(database.getCollection(entry.getString("collection"))
				.find(Filters.eq("_id", entry.get("documentId"))).first())
			.map(List::of).defaultIfEmpty(List.of())
			.flatMap(found -> found.isEmpty() == delete
					? Mono.just(new Document(entry).append("state", READY)
						.append("data", delete ? new Document("_id", entry.get("documentId")) : found.get(0)))
					: abandon(entry.get("_id")).then(Mono.empty()));
	}

	/** Kafka has these entries: forgets them. */
	Mono<Long> delete(List<Object> ids) {
		return Mono.from(entries().deleteMany(Filters.in("_id", ids)))
			.doOnSuccess(result -> ids.forEach(id -> forget(confirmed.remove(id))))
			.map(result -> result.getDeletedCount());
	}

	/** Increasing within this process and, being time-based, across restarts. */
	private long nextSequence() {
		long now = Instant.now().toEpochMilli() * 1000;
		return sequence.updateAndGet(last -> Math.max(last + 1, now));
	}

}
