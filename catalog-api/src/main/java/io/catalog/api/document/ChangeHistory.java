package io.catalog.api.document;

import org.bson.Document;
import reactor.core.publisher.Mono;

import io.catalog.api.access.Caller;

/**
 * Where the catalog records each update and delete it makes, with the document before and after (the history
 * package keeps SciCat's change history behind it).
 */
public interface ChangeHistory {

	/** Records a change of the document whose {@code _id} {@code before} (or, without it, {@code after}) carries. */
	Mono<Void> record(String subsystem, String operation, Document before, Document after, Caller caller);

	/** Records a change of the document {@code documentId}. */
	Mono<Void> record(String subsystem, String operation, Object documentId, Document before, Document after,
			Caller caller);

}
