package io.catalog.api.document;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.catalog.api.query.Filter;

/**
 * Reads and writes catalog documents in their SciCat collections; knows nothing of who asks. Every write goes
 * through here and is told to the {@link ChangeListener}s once it succeeded; the {@link Journal} notes each write
 * before it is made and confirms it after, so that events survive a crash between the write and the telling.
 */
@Component
public class DocumentStore {

	private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

	private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

	private static final FindOneAndUpdateOptions AFTER = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

	/**
	 * A list's order when the filter names none: as created (SciCat's clients read MongoDB's natural order, which is
	 * that until documents are deleted); every collection keeps an index on it.
	 */
	static final Document CREATION_ORDER = new Document("createdAt", 1);

	private final MongoDatabase database;

	private final List<ChangeListener> listeners;

	private final Journal journal;

	private final long maxTimeMillis;

	private final Claims claims;

	private final Includes includes = new Includes(this);

	public DocumentStore(MongoDatabase database, List<ChangeListener> listeners, Optional<Journal> journal) {
		this(database, listeners, journal, new QueryProperties(null, null, null));
	}

	@Autowired
	public DocumentStore(MongoDatabase database, List<ChangeListener> listeners, Optional<Journal> journal,
			QueryProperties query) {
		this.database = database;
		this.listeners = List.copyOf(listeners);
		this.journal = journal.orElse(Journal.NONE);
		this.maxTimeMillis = query.maxTime().toMillis();
		this.claims = new Claims(database.getCollection(Claims.COLLECTION), Clock.systemUTC());
	}

	public MongoCollection<Document> collection(String name) {
		return database.getCollection(name);
	}

	/**
	 * The documents matching the filter's condition and the access rule, one page, with relations included. The
	 * query may take at most the configured time.
	 */
	public Flux<Document> find(EntityKind kind, Filter filter, Document rule) {
		return find(kind, filter, rule, relation -> new Document());
	}

	/**
	 * The documents matching the filter's condition and the access rule, one page, with relations included, listed
	 * ones under the rule {@code relationRule} gives for them.
	 */
	public Flux<Document> find(EntityKind kind, Filter filter, Document rule,
			Function<EntityKind.Relation, Document> relationRule) {
		var find = collection(kind.collection()).find(and(filter.where(), rule)).skip(filter.skip()).limit(filter.limit())
			.maxTime(maxTimeMillis, TimeUnit.MILLISECONDS);
		find = find.sort(filter.order().isEmpty() ? CREATION_ORDER : filter.order());
		var listKeys = filter.include().stream().map(name -> kind.relations().get(name).listKey()).filter(Objects::nonNull)
			.filter(key -> !filter.fields().contains(key)).toList();
		if (!filter.fields().isEmpty()) {
			var paths = new ArrayList<String>(listKeys);
			filter.fields().forEach(field -> paths.add(kind.idField().equals(field) ? "_id" : field));
			find = find.projection(Projections.of(paths));
		}
		var page = Flux.from(find);
		if (filter.include().isEmpty()) {
			return page;
		}
		return page.collectList()
			.flatMapMany(documents -> includes.embed(kind, documents, filter, relationRule))
			.doOnNext(document -> {
				if (!filter.fields().isEmpty()) {
					listKeys.forEach(document::remove);
				}
			});
	}

	public Mono<Long> count(EntityKind kind, Document where, Document rule) {
		return Mono.from(collection(kind.collection()).countDocuments(and(where, rule),
				new CountOptions().maxTime(maxTimeMillis, TimeUnit.MILLISECONDS)));
	}

	public Mono<Document> get(EntityKind kind, Object id) {
		return Mono.from(collection(kind.collection()).find(new Document("_id", id)).first());
	}

	/** The documents of a collection that point at a parent, oldest first. */
	public Flux<Document> children(String collection, String foreignKey, Object parentId) {
		return Flux.from(collection(collection).find(new Document(foreignKey, parentId)).sort(CREATION_ORDER));
	}

	public Mono<Document> insert(EntityKind kind, Document document) {
		if (document.get("_id") == null) {
			document.put("_id", new ObjectId());
		}
		return journaled(kind.collection(), document.get("_id"), Change.Operation.CREATE,
				Mono.defer(() -> Mono.from(collection(kind.collection()).insertOne(document)).thenReturn(document)));
	}

	/**
	 * Stores a new document with the new documents that belong to it, the children first, so that the parent is
	 * never seen without them. Without transactions a crash in between leaves children no parent names; their ids
	 * are the caller's to derive from the parent's, so that the next attempt replaces them rather than adding to them.
	 */
	public Mono<Document> insertWithChildren(EntityKind kind, Document parent, EntityKind childKind,
			List<Document> children) {
		var written = new ArrayList<Change>(children.size() + 1);
		children.forEach(child -> written.add(created(childKind, child)));
		written.add(created(kind, parent));
		var upserts = children.stream()
			.map(child -> new ReplaceOneModel<>(new Document("_id", child.get("_id")), child, UPSERT))
			.toList();
		Mono<?> storeChildren = upserts.isEmpty() ? Mono.empty()
				: Mono.from(collection(childKind.collection()).bulkWrite(upserts, UNORDERED));
		var writes = written.stream().map(c -> new Journal.Write(c.collection(), c.id(), c.operation())).toList();
		return journal.begin(writes).flatMap(notes -> storeChildren
			.then(Mono.from(collection(kind.collection()).insertOne(parent)))
			.onErrorResume(ex -> Flux.fromIterable(notes).concatMap(this::abandon).then(Mono.error(ex)))
			.then(Flux.range(0, notes.size()).concatMap(i -> confirm(notes.get(i), written.get(i))).then()))
			.then(Mono.fromRunnable(() -> written.forEach(change -> listeners.forEach(l -> l.changed(change)))))
			.thenReturn(parent);
	}

	/**
	 * Stores a new document under an id the client chose, with the new documents that belong to it, as
	 * {@link #insertWithChildren} does, but first claims the id: of several requests for one id only the one holding
	 * the claim writes anything; the others answer nothing (the id is taken) having changed nothing. A create that a crash
	 * stopped halfway leaves its claim behind; the next create of that id takes it over once it is stale, deletes
	 * the children left behind (those that point at the id through {@code foreignKey}) and stores its own.
	 */
	public Mono<Document> insertClaimed(EntityKind kind, Document parent, EntityKind childKind, String foreignKey,
			List<Document> children) {
		var id = parent.get("_id");
		return claims.claim(kind.collection(), id).flatMap(claim -> get(kind, id).hasElement()
			.flatMap(taken -> taken ? claims.release(claim).then(Mono.<Document>empty())
					: storeClaimed(claim, kind, parent, childKind, foreignKey, children)));
	}

	/**
	 * Stores what a claim holder creates; when the create fails, deletes the children it may have written and
	 * releases the claim (when even that fails, the claim stays, goes stale and the next create clears up).
	 */
	private Mono<Document> storeClaimed(Claims.Claim claim, EntityKind kind, Document parent, EntityKind childKind,
			String foreignKey, List<Document> children) {
		Mono<Long> leftBehind = claim.tookOver() ? deleteChildren(childKind.collection(), foreignKey, parent.get("_id"))
				: Mono.empty();
		return leftBehind.then(insertWithChildren(kind, parent, childKind, children))
			.onErrorResume(ex -> Flux.fromIterable(children).concatMap(child -> delete(childKind, child.get("_id")))
				.then(claims.release(claim))
				.onErrorResume(cleanup -> Mono.empty())
				.then(Mono.error(ex)))
			.flatMap(stored -> claims.release(claim).thenReturn(stored));
	}

	private static Change created(EntityKind kind, Document document) {
		return new Change(kind.collection(), document.get("_id"), Change.Operation.CREATE, document);
	}

	private Mono<Void> confirm(Optional<Object> note, Change change) {
		return note.map(n -> journal.confirm(n, change.document())).orElse(Mono.empty());
	}

	/** Applies an update to one document and answers the document as it is afterwards (empty when it is gone). */
	public Mono<Document> update(EntityKind kind, Object id, Document update) {
		return update(kind, id, new Document(), update);
	}

	/** The same, in one operation only if the document also meets the condition (else empty). */
	public Mono<Document> update(EntityKind kind, Object id, Document condition, Document update) {
		return updateOne(kind.collection(), withId(id, condition), update);
	}

	/** Applies one update to each of the documents of a collection with these ids that exist, one by one so each is told. */
	public Flux<Document> updateEach(String collection, Collection<?> ids, Document update) {
		return Flux.fromIterable(ids).concatMap(id -> updateOne(collection, new Document("_id", id), update));
	}

	private Mono<Document> updateOne(String collection, Document filter, Document update) {
		return journaled(collection, filter.get("_id"), Change.Operation.UPDATE,
				Mono.defer(() -> Mono.from(collection(collection).findOneAndUpdate(filter, update, AFTER))));
	}

	private static Document withId(Object id, Document condition) {
		var filter = new Document("_id", id);
		filter.putAll(condition);
		return filter;
	}

	/** Replaces one document whole if it meets the condition, and answers it (empty when gone or not met). */
	public Mono<Document> replace(EntityKind kind, Document condition, Document document) {
		var id = document.get("_id");
		return journaled(kind.collection(), id, Change.Operation.UPDATE,
				Mono.defer(() -> Mono.from(collection(kind.collection()).replaceOne(withId(id, condition), document))
					.filter(result -> result.getMatchedCount() > 0)
					.map(result -> document)));
	}

	public Mono<Document> delete(EntityKind kind, Object id) {
		return delete(kind.collection(), id);
	}

	/** Deletes, one by one so that each is told, the documents of a collection that point at a parent. */
	public Mono<Long> deleteChildren(String collection, String foreignKey, Object parentId) {
		return children(collection, foreignKey, parentId).concatMap(child -> delete(collection, child.get("_id"))).count();
	}

	private Mono<Document> delete(String collection, Object id) {
		return journaled(collection, id, Change.Operation.DELETE,
				Mono.defer(() -> Mono.from(collection(collection).findOneAndDelete(new Document("_id", id)))));
	}

	/** Notes the write in the journal, makes it, confirms it (or abandons the note) and tells the listeners. */
	private Mono<Document> journaled(String collection, Object id, Change.Operation operation, Mono<Document> write) {
		return journal.begin(collection, id, operation).map(Optional::of).defaultIfEmpty(Optional.empty())
			.flatMap(entry -> write
				.onErrorResume(ex -> abandon(entry).then(Mono.error(ex)))
				.switchIfEmpty(Mono.defer(() -> abandon(entry).then(Mono.empty())))
				.flatMap(document -> entry.map(e -> journal.confirm(e, document)).orElse(Mono.empty())
					.thenReturn(document)))
			.doOnNext(told(collection, operation));
	}

	private Mono<Void> abandon(Optional<Object> entry) {
		return entry.map(journal::abandon).orElse(Mono.empty());
	}

	private Consumer<Document> told(String collection, Change.Operation operation) {
		return document -> {
			var change = new Change(collection, document.get("_id"), operation, document);
			listeners.forEach(listener -> listener.changed(change));
		};
	}

	/**
	 * The client's condition under the access rule, the rule first: a store that evaluates {@code $and} in order
	 * (the embedded one does) runs no client pattern over a document the caller may not read.
	 */
	public static Document and(Document where, Document rule) {
		if (rule.isEmpty()) {
			return where;
		}
		if (where.isEmpty()) {
			return rule;
		}
		return new Document("$and", List.of(rule, where));
	}

	/** A client query's time limit, for queries made around {@link #find} (search's raw conditions). */
	public long maxTimeMillis() {
		return maxTimeMillis;
	}

	/** An update that sets the given fields. */
	public static Document set(Map<String, ?> fields) {
		return new Document("$set", new Document(fields));
	}

}
