package io.catalog.api.event;

import java.util.List;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Messages of the caller's own that go with a store write, to topics of its choosing, as CloudEvents of type
 * {@code io.catalog.<collection>.<operation>} keyed by the id: noted in the outbox before the write, sent once the
 * write is confirmed, dropped when it is abandoned; after a crash in between they are decided from the stored
 * document, like the write's own event.
 */
public class Events {

	private final Outbox outbox;

	Events(Outbox outbox) {
		this.outbox = outbox;
	}

	/** Notes a message about a write still to be made; answers the note. */
	public Mono<Object> prepare(String topic, String collection, Object id, String operation) {
		return outbox.note(topic, collection, id, operation);
	}

	/** The write succeeded: the notes' messages carry this document. */
	public Mono<Void> confirm(List<Object> notes, Document data) {
		return Flux.fromIterable(notes).concatMap(note -> outbox.confirm(note, data)).then();
	}

	/** The write failed: the notes' messages are dropped. */
	public Mono<Void> abandon(List<Object> notes) {
		return Flux.fromIterable(notes).concatMap(outbox::abandon).then();
	}

}
