package io.catalog.api.document;

import java.util.List;
import java.util.Optional;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Notes a write before the store makes it and confirms it afterwards, so that whoever must hear of the write
 * (the event relay) hears of it even when the process dies between the write and the telling. A write the
 * journal does not follow gets {@link #NONE}.
 */
public interface Journal {

	/** Follows nothing. */
	Journal NONE = new Journal() {
		@Override
		public Mono<Object> begin(String collection, Object id, Change.Operation operation) {
			return Mono.empty();
		}

		@Override
		public Mono<Void> confirm(Object entry, Document document) {
			return Mono.empty();
		}

		@Override
		public Mono<Void> abandon(Object entry) {
			return Mono.empty();
		}
	};

	/** Notes a write about to be made; answers the note's id, or nothing when the collection is not followed. */
	Mono<Object> begin(String collection, Object id, Change.Operation operation);

	/**
	 * Notes several writes about to be made; answers one note per write, in their order, empty where the collection
	 * is not followed.
	 */
	default Mono<List<Optional<Object>>> begin(List<Write> writes) {
		return Flux.fromIterable(writes)
			.concatMap(write -> begin(write.collection(), write.id(), write.operation()).map(Optional::of)
				.defaultIfEmpty(Optional.empty()))
			.collectList();
	}

	/** The write succeeded: the document as it now is (as it was, for a delete). */
	Mono<Void> confirm(Object entry, Document document);

	/** The write failed or found nothing to change. */
	Mono<Void> abandon(Object entry);

	/**
	 * A write about to be made.
	 *
	 * @param collection the document's collection
	 * @param id its {@code _id}
	 * @param operation what the write does to it
	 */
	record Write(String collection, Object id, Change.Operation operation) {
	}

}
