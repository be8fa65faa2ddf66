package io.catalog.api.history;

import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import io.catalog.api.access.Caller;
import io.catalog.api.document.ChangeHistory;
import io.catalog.api.document.DocumentStore;

/** Keeps SciCat's change history: one record per update or delete, with the document before and after. */
@Component
public class History implements ChangeHistory {

	static final String COLLECTION = "History";

	private final DocumentStore store;

	public History(DocumentStore store) {
		this.store = store;
	}

	@Override
	public Mono<Void> record(String subsystem, String operation, Document before, Document after, Caller caller) {
		return record(subsystem, operation, (before != null ? before : after).get("_id"), before, after, caller);
	}

	/**
	 * Records a change of one document as SciCat's history keeps it: for an update the changed fields' values
	 * before and after, for a delete the whole document before and nothing after.
	 */
	@Override
	public Mono<Void> record(String subsystem, String operation, Object documentId, Document before, Document after,
			Caller caller) {
		var entry = new Document("_id", UUID.randomUUID().toString())
			.append("subsystem", subsystem)
			.append("documentId", documentId)
			.append("operation", operation)
			.append("before", before)
			.append("after", after)
			.append("user", caller.username())
			.append("timestamp", new Date());
		return Mono.from(store.collection(COLLECTION).insertOne(entry)).then();
	}

}
