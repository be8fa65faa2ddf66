package io.catalog.api.document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import io.catalog.api.access.AccessPolicy;
import io.catalog.api.access.Caller;
import io.catalog.api.query.Filter;
import io.catalog.api.query.FilterParser;
import io.catalog.api.schema.Schema;
import io.catalog.api.web.InvalidInputException;
import io.catalog.api.web.Problems;
import io.catalog.api.web.UnmodifiedSince;

/**
 * The operations every kind of document shares, each under the access policy: list, find one, count, get,
 * create, patch and delete. Feature handlers compose these with their own rules.
 */
@Component
public class Catalog {

	private static final String OWNER_GROUP = "ownerGroup";

	private final DocumentStore store;

	private final AccessPolicy policy;

	private final FilterParser filters;

	private final ChangeHistory history;

	public Catalog(DocumentStore store, AccessPolicy policy, ObjectMapper mapper, ChangeHistory history,
			QueryProperties query) {
		this.store = store;
		this.policy = policy;
		this.filters = new FilterParser(mapper, query.defaultLimit(), query.maxLimit());
		this.history = history;
	}

	public AccessPolicy policy() {
		return policy;
	}

	public DocumentStore store() {
		return store;
	}

	public FilterParser filters() {
		return filters;
	}

	/** Reads a LoopBack filter for a kind; a condition on the kind's id field (a dataset's {@code pid}) is on {@code _id}. */
	public Filter filter(EntityKind kind, String json) {
		var filter = filters.parse(json, kind.schema(), kind.relations().keySet());
		return filter.withWhere(onStoredId(filter.where(), kind.idField()));
	}

	/** The condition with the id field written as {@code _id}, which holds the same value and is always indexed. */
	public static Document onStoredId(Document where, String idField) {
		var stored = new Document();
		where.forEach((key, value) -> stored.put(key.equals(idField) ? "_id" : key,
				value instanceof List<?> clauses && key.startsWith("$") ? clauses.stream()
					.map(clause -> clause instanceof Document d ? onStoredId(d, idField) : clause).toList() : value));
		return stored;
	}

	public Mono<List<Map<String, Object>>> list(EntityKind kind, Caller caller, Filter filter) {
		return store.find(kind, filter, policy.readRule(caller, kind.resource()),
				relation -> relation.resource() == null ? new Document() : policy.readRule(caller, relation.resource()))
			.map(kind::toJson)
			.collectList();
	}

	public Mono<List<Map<String, Object>>> list(EntityKind kind, Caller caller, String filterJson) {
		return Mono.fromSupplier(() -> filter(kind, filterJson)).flatMap(filter -> list(kind, caller, filter));
	}

	public Mono<Map<String, Object>> findOne(EntityKind kind, Caller caller, String filterJson) {
		return Mono.fromSupplier(() -> filter(kind, filterJson).withLimit(1))
			.flatMap(filter -> list(kind, caller, filter))
			.flatMap(found -> found.isEmpty() ? Mono.error(Problems.notFound(kind.collection(), "matching the filter"))
					: Mono.just(found.get(0)));
	}

	/** Counts by a {@code filter} (its {@code where}) or a bare {@code where}. */
	public Mono<Map<String, Object>> count(EntityKind kind, Caller caller, String filterJson, String whereJson) {
		return Mono.fromSupplier(() -> whereJson != null && !whereJson.isBlank()
				? onStoredId(filters.parseWhere(whereJson, kind.schema()), kind.idField()) : filter(kind, filterJson).where())
			.flatMap(where -> store.count(kind, where, policy.readRule(caller, kind.resource())))
			.map(count -> Map.of("count", count));
	}

	/** The stored document, if the caller may read it: 404 when missing, 403 when hidden from the caller. */
	public Mono<Document> readable(EntityKind kind, Caller caller, Object id) {
		return existing(kind, id).doOnNext(document -> policy.checkRead(caller, kind.resource(), document));
	}

	/** The stored document whatever the caller may see, or 404. */
	public Mono<Document> existing(EntityKind kind, Object id) {
		return store.get(kind, id).switchIfEmpty(Mono.error(() -> Problems.notFound(kind.collection(), id)));
	}

	/** Stores a new document (already checked and completed by the caller's handler); 409 if its id is taken. */
	public Mono<Document> insert(EntityKind kind, Document document, Caller caller, String sizeHint) {
		Stamps.requireStorable(Stamps.created(document, caller), sizeHint);
		return store.insert(kind, document);
	}

	/**
	 * Stores a new document with new documents that belong to it (already checked, completed and stamped by their
	 * feature), the children first, so the parent is never seen without them.
	 */
	public Mono<Document> insertWithChildren(EntityKind kind, Document document, EntityKind childKind,
			List<Document> children, Caller caller, String sizeHint) {
		Stamps.requireStorable(Stamps.created(document, caller), sizeHint);
		return store.insertWithChildren(kind, document, childKind, children);
	}

	/**
	 * Stores a new document under an id the client chose, with new documents that belong to it (none is fine), so
	 * that of concurrent creates of one id only one writes anything: the others are refused with 409 and change
	 * nothing. The parent is never seen without its children.
	 */
	public Mono<Document> insertClaimed(EntityKind kind, Document document, EntityKind childKind, String foreignKey,
			List<Document> children, Caller caller, String sizeHint) {
		Stamps.requireStorable(Stamps.created(document, caller), sizeHint);
		Supplier<Throwable> taken = () -> Problems.conflict(kind.collection() + " with " + kind.idField() + " "
				+ document.get("_id") + " already exists");
		if (children.isEmpty()) {
			// a refused create of the document alone writes nothing: the store's unique id decides, no claim needed
			return store.insert(kind, document).onErrorMap(Claims::duplicate, ex -> taken.get());
		}
		return store.insertClaimed(kind, document, childKind, foreignKey, children)
			.switchIfEmpty(Mono.error(taken));
	}

	/** Applies a partial update the caller may make, recording the fields' values before and after. */
	public Mono<Document> patch(EntityKind kind, Caller caller, Object id, Map<String, Object> body, Schema schema,
			Set<String> fixed) {
		return existing(kind, id).flatMap(before -> {
			policy.checkRead(caller, kind.resource(), before);
			policy.checkUpdate(caller, kind.resource(), before);
			var fields = schema.read(body, Schema.Mode.UPDATE);
			if (fields.containsKey(OWNER_GROUP)) {
				checkOwnerGroup(kind, caller, before, fields.get(OWNER_GROUP));
			}
			fixed.forEach(name -> {
				if (fields.containsKey(name) && !Objects.equals(fields.get(name), before.get(name))) {
					throw new InvalidInputException(name, "cannot be changed");
				}
			});
			return set(kind, caller, before, fields);
		});
	}

	/**
	 * Applies a partial update after a check of the handler's own (for documents judged by their parent, such as a
	 * sample's attachments), recording the fields' values before and after.
	 */
	public Mono<Document> patch(EntityKind kind, Caller caller, Object id, Map<String, Object> body, Schema schema,
			Set<String> fixed, Consumer<Document> check) {
		return existing(kind, id).flatMap(before -> {
			check.accept(before);
			var fields = schema.read(body, Schema.Mode.UPDATE);
			fixed.forEach(name -> {
				if (fields.containsKey(name) && !Objects.equals(fields.get(name), before.get(name))) {
					throw new InvalidInputException(name, "cannot be changed");
				}
			});
			return set(kind, caller, before, fields);
		});
	}

	/**
	 * Checks a new owner group for a stored document: never none (its owners would be locked out), and only one the
	 * caller may give documents of this kind to.
	 */
	public void checkOwnerGroup(EntityKind kind, Caller caller, Document before, Object ownerGroup) {
		if (!(ownerGroup instanceof String group) || group.isBlank()) {
			throw new InvalidInputException(OWNER_GROUP, "must be a group name: every document has an owner group");
		}
		if (!group.equals(before.get(OWNER_GROUP))) {
			policy.checkNewOwnerGroup(caller, kind.resource(), group);
		}
	}

	/** Sets fields of a stored document and records the change; refused with 413 past what the store holds. */
	public Mono<Document> set(EntityKind kind, Caller caller, Document before, Document fields) {
		Stamps.updated(fields, caller);
		var merged = new Document(before);
		merged.putAll(fields);
		Stamps.requireStorable(merged, "store less in one document");
		var previous = new Document();
		fields.keySet().forEach(key -> previous.put(key, before.get(key)));
		var id = before.get("_id");
		return UnmodifiedSince.current().flatMap(since -> store.update(kind, id, unmodified(since), DocumentStore.set(fields))
			.switchIfEmpty(refused(id, since)))
			.flatMap(after -> history.record(kind.collection(), "update", id, previous, fields, caller).thenReturn(after));
	}

	/** The store's condition for a write the client made conditional with {@code If-Unmodified-Since}. */
	private static Document unmodified(Optional<Instant> since) {
		return since.map(instant -> new Document("updatedAt", new Document("$lte", Date.from(instant))))
			.orElseGet(Document::new);
	}

	/** A conditional write that found nothing it could change: 412 (the document is there, changed since). */
	private static Mono<Document> refused(Object id, Optional<Instant> since) {
		return Mono.defer(() -> since.<Mono<Document>>map(instant -> Mono.error(UnmodifiedSince.modified(id, instant)))
			.orElseGet(Mono::empty));
	}

	/**
	 * Replaces a stored document whole (already checked and completed by the caller's handler, its creation stamps
	 * kept), recording the change.
	 */
	public Mono<Document> replace(EntityKind kind, Caller caller, Document before, Document replacement, String sizeHint) {
		replacement.put("_id", before.get("_id"));
		Stamps.requireStorable(Stamps.updated(replacement, caller), sizeHint);
		return UnmodifiedSince.current().flatMap(since -> store.replace(kind, unmodified(since), replacement)
			.switchIfEmpty(refused(before.get("_id"), since)))
			.switchIfEmpty(Mono.error(() -> Problems.notFound(kind.collection(), before.get("_id"))))
			.flatMap(after -> history.record(kind.collection(), "update", before, after, caller).thenReturn(after));
	}

	/**
	 * Adds values to array fields of a stored document, each value once, in one atomic update, recording the
	 * fields before and after; refused with 413 when the document would grow past what the store holds.
	 */
	public Mono<Document> addToSets(EntityKind kind, Caller caller, Document before, Map<String, List<?>> values,
			String sizeHint) {
		var grown = new Document(before);
		var each = new Document();
		values.forEach((field, added) -> {
			var merged = new ArrayList<Object>(before.get(field) instanceof List<?> list ? list : List.of());
			added.stream().filter(value -> !merged.contains(value)).forEach(merged::add);
			grown.put(field, merged);
			each.put(field, new Document("$each", added));
		});
		Stamps.requireStorable(grown, sizeHint);
		var stamps = Stamps.updated(new Document(), caller);
		return store.update(kind, before.get("_id"), new Document("$addToSet", each).append("$set", stamps))
			.switchIfEmpty(Mono.error(() -> Problems.notFound(kind.collection(), before.get("_id"))))
			.flatMap(after -> {
				var previous = new Document();
				var changed = new Document();
				values.keySet().forEach(field -> {
					previous.put(field, before.get(field));
					changed.put(field, after.get(field));
				});
				return history.record(kind.collection(), "update", withId(before, previous), withId(before, changed), caller)
					.thenReturn(after);
			});
	}

	/** Deletes a document the caller may delete (a delete group need not read it first), recording it. */
	public Mono<Document> delete(EntityKind kind, Caller caller, Object id) {
		return existing(kind, id).flatMap(before -> {
			policy.checkDelete(caller, kind.resource(), before);
			return store.delete(kind, id)
				.flatMap(deleted -> history.record(kind.collection(), "delete", deleted, null, caller).thenReturn(deleted));
		});
	}

	/** Deletes a document after a check of the handler's own (for documents judged by their parent), recording it. */
	public Mono<Document> delete(EntityKind kind, Caller caller, Object id, Consumer<Document> check) {
		return existing(kind, id).flatMap(before -> {
			check.accept(before);
			return store.delete(kind, id)
				.flatMap(deleted -> history.record(kind.collection(), "delete", deleted, null, caller).thenReturn(deleted));
		});
	}

	private static Document withId(Document stored, Document fields) {
		return new Document("_id", stored.get("_id")).append("fields", fields);
	}

}
