package io.catalog.api.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * The embedded store's oplog, so that it serves change streams as a replica set does: the last {@code capacity}
 * writes (collection, kind and {@code _id}; never the document, which a reader looks up), in memory, read from a
 * position in O(log n). The log shipped with the wire server keeps every document written, forever, and reads the
 * whole of it on every poll. Positions grow across restarts (they start at the start time in seconds, shifted as a
 * timestamp's seconds), so a resume token from before a restart, or older than what is kept, is answered with
 * MongoDB's {@code ChangeStreamHistoryLost} (286) and the reader knows it must read everything again. Every
 * command's answer carries the newest position as {@code operationTime}, as a replica set's does, so a reader can
 * open a stream at the moment it starts reading a collection.
 */
final class ChangeLog implements Oplog {

	/** MongoDB's code for a resume point the oplog no longer holds. */
	static final int HISTORY_LOST = 286;

	private final int capacity;

	private final CursorRegistry cursors;

	private final ConcurrentSkipListMap<Long, Entry> entries = new ConcurrentSkipListMap<>();

	private volatile long last;

	/**
	 * Every position at or below this one has been dropped or precedes this run; a stream may start at the run's
	 * first position (the {@code operationTime} answered before any write) without losing anything.
	 */
	private volatile long droppedThrough;

	ChangeLog(int capacity, CursorRegistry cursors) {
		this.capacity = capacity;
		this.cursors = cursors;
		this.last = Instant.now().getEpochSecond() << 32;
		this.droppedThrough = last - 1;
	}

	/** One write: the collection's namespace, its kind as a change stream names it, the document's id. */
	private record Entry(String namespace, String operation, Object id) {
	}

	@Override
	public void handleInsert(String namespace, List<Document> documents) {
		documents.forEach(document -> append(namespace, "insert", document.get("_id")));
	}

	@Override
	public void handleUpdate(String namespace, Document selector, Document query, List<Object> modifiedIds) {
		modifiedIds.forEach(id -> append(namespace, "update", id));
	}

	@Override
	public void handleDelete(String namespace, Document query, List<Object> deletedIds) {
		deletedIds.forEach(id -> append(namespace, "delete", id));
	}

	@Override
	public void handleDropCollection(String namespace) {
		append(namespace, "drop", null);
	}

	private synchronized void append(String namespace, String operation, Object id) {
		if (namespace.startsWith("local.") || namespace.startsWith("admin.")) {
			return;
		}
		long position = last + 1;
		entries.put(position, new Entry(namespace, operation, id));
		last = position;
		while (entries.size() > capacity) {
			droppedThrough = entries.pollFirstEntry().getKey();
		}
	}

	/** The newest position, as a replica set's {@code operationTime}. */
	BsonTimestamp operationTime() {
		return new BsonTimestamp(last);
	}

	@Override
	public Cursor createCursor(Document changeStream, String namespace, Aggregation aggregation) {
		long after;
		if (changeStream.get("startAfter") instanceof Document token) {
			after = position(token);
		}
		else if (changeStream.get("resumeAfter") instanceof Document token) {
			after = position(token);
		}
		else if (changeStream.get("startAtOperationTime") instanceof BsonTimestamp time) {
			after = time.getValue() - 1;
		}
		else {
			after = last;
		}
		var cursor = new ChangeCursor(cursors.generateCursorId(), namespace, aggregation, after);
		cursor.checkKept();
		cursors.add(cursor);
		return cursor;
	}

	/** The position a resume token names; -1 (long dropped) for a token this log did not write. */
	private static long position(Document token) {
		var data = String.valueOf(token.get("_data"));
		return data.length() == 16 && HexFormat.isHexDigit(data.charAt(0)) && data.chars().allMatch(HexFormat::isHexDigit)
				? HexFormat.fromHexDigitsToLong(data) : -1;
	}

	/** A change stream over one collection: the kept writes after a position, in order, never exhausted. */
	private final class ChangeCursor extends AbstractCursor {

		private static final int MOST_PER_BATCH = 1000;

		private final String namespace;

		private final Aggregation aggregation;

		private long after;

		ChangeCursor(long id, String namespace, Aggregation aggregation, long after) {
			super(id);
			this.namespace = namespace;
			this.aggregation = aggregation;
			this.after = after;
		}

		void checkKept() {
			if (after < droppedThrough) {
				throw new MongoServerError(HISTORY_LOST, "ChangeStreamHistoryLost",
						"Resume of change stream was not possible, as the resume point may no longer be in the oplog.");
			}
		}

		@Override
		public boolean isEmpty() {
			return false;
		}

		@Override
		public List<Document> takeDocuments(int numberToReturn) {
			checkKept();
			int most = numberToReturn > 0 ? Math.min(numberToReturn, MOST_PER_BATCH) : MOST_PER_BATCH;
			var events = new ArrayList<Document>();
			int examined = 0;
			for (Map.Entry<Long, Entry> kept : entries.tailMap(after, false).entrySet()) {
				if (events.size() == most || examined++ == 10 * MOST_PER_BATCH) {
					break;
				}
				after = kept.getKey();
				var entry = kept.getValue();
				if (entry.namespace().equals(namespace)) {
					events.add(event(kept.getKey(), entry));
				}
			}
			return aggregation == null ? events : aggregation.runStages(events.stream());
		}

		private Document event(long position, Entry entry) {
			int dot = namespace.indexOf('.');
			var event = new Document("_id", new Document("_data", String.format("%016x", position)))
				.append("operationType", entry.operation())
				.append("clusterTime", new BsonTimestamp(position))
				.append("ns", new Document("db", namespace.substring(0, dot)).append("coll", namespace.substring(dot + 1)));
			if (entry.id() != null) {
				event.append("documentKey", new Document("_id", entry.id()));
			}
			return event;
		}

	}

}
