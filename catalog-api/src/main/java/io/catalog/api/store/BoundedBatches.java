package io.catalog.api.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Keeps each batch of documents the embedded store answers under 16 MB, as a MongoDB server does whatever batch
 * size was asked for; the rest waits in the cursor for the next {@code getMore}. The wire server alone answers a
 * batch of any size in one message, and a message over its 48 MB limit fails the read: one {@code find} over six
 * 10 MB documents could not be read at all. Sizes are counted from above (a character as three bytes), without
 * encoding anything.
 */
final class BoundedBatches {

	/** MongoDB's largest document, and the most one batch carries beyond its first document. */
	static final long MOST_BYTES = 16L * 1024 * 1024;

	private BoundedBatches() {
	}

	/** Cuts the batch of a cursor answer ({@code find}, {@code aggregate}, {@code getMore}) to the bound. */
	static void bound(Document answer, CursorRegistry registry) {
		if (!(answer.get("cursor") instanceof Document cursor)) {
			return;
		}
		var key = cursor.containsKey("firstBatch") ? "firstBatch" : "nextBatch";
		if (!(cursor.get(key) instanceof List<?> batch) || batch.size() < 2) {
			return;
		}
		int keep = 0;
		long bytes = 0;
		while (keep < batch.size()) {
			bytes += size(batch.get(keep));
			if (keep > 0 && bytes > MOST_BYTES) {
				break;
			}
			keep++;
		}
		if (keep == batch.size()) {
			return;
		}
		@SuppressWarnings("unchecked")
		var documents = (List<Document>) batch;
		long id = ((Number) cursor.get("id")).longValue();
		Cursor rest = null;
		if (id != 0) {
			rest = registry.getCursor(id);
			registry.remove(id);
		}
		else {
			id = registry.generateCursorId();
		}
		registry.add(new Remainder(id, new ArrayList<>(documents.subList(keep, documents.size())), rest));
		cursor.put(key, new ArrayList<>(documents.subList(0, keep)));
		cursor.put("id", id);
	}

	/** An upper bound of the BSON size of a value, in bytes. */
	static long size(Object value) {
		if (value instanceof String text) {
			return 5 + 3L * text.length();
		}
		if (value instanceof Map<?, ?> map) {
			long total = 5;
			for (var entry : map.entrySet()) {
				total += 2 + 3L * String.valueOf(entry.getKey()).length() + size(entry.getValue());
			}
			return total;
		}
		if (value instanceof Collection<?> list) {
			long total = 5;
			for (var item : list) {
				total += 12 + size(item);
			}
			return total;
		}
		if (value instanceof byte[] bytes) {
			return 5 + bytes.length;
		}
		return 16;
	}

	/** The documents cut from a batch, then whatever the cursor they came from still holds. */
	private static final class Remainder extends AbstractCursor {

		private List<Document> documents;

		private final Cursor rest;

		Remainder(long id, List<Document> documents, Cursor rest) {
			super(id);
			this.documents = documents;
			this.rest = rest;
		}

		@Override
		public boolean isEmpty() {
			return documents.isEmpty() && (rest == null || rest.isEmpty());
		}

		@Override
		public List<Document> takeDocuments(int numberToReturn) {
			int wanted = numberToReturn > 0 ? numberToReturn : Integer.MAX_VALUE;
			var taken = new ArrayList<Document>(documents.subList(0, Math.min(wanted, documents.size())));
			documents = documents.subList(taken.size(), documents.size());
			if (taken.size() < wanted && rest != null && !rest.isEmpty()) {
				taken.addAll(rest.takeDocuments(wanted - taken.size()));
			}
			return taken;
		}

	}

}
