package io.catalog.api.document;

import org.bson.Document;
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

	/** The write succeeded: the document as it now is (as it was, for a delete). */
	Mono<Void> confirm(Object entry, Document document);

	/** The write failed or found nothing to change. */
	Mono<Void> abandon(Object entry);

}
