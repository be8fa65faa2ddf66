package io.catalog.api.document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import com.mongodb.reactivestreams.client.FindPublisher;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.catalog.api.query.Filter;

/**
 * The related documents a filter's {@code include} embeds into a page: those pointing at its documents (through a
 * foreign key or a list of targets) and those its documents list, each relation read in one query, in creation
 * order, with the scope's condition and fields.
 */
final class Includes {

	private final DocumentStore store;

	Includes(DocumentStore store) {
		this.store = store;
	}

	/** Embeds each included relation's documents into the results, with one query per relation. */
	Flux<Document> embed(EntityKind kind, List<Document> documents, Filter filter,
			Function<EntityKind.Relation, Document> relationRule) {
		var ids = documents.stream().map(d -> d.get("_id")).toList();
		return Flux.fromIterable(filter.include()).concatMap(name -> {
			var relation = kind.relations().get(name);
			var scope = filter.scopes().getOrDefault(name, new Filter.Scope(new Document(), List.of()));
			if (relation.listKey() != null) {
				return includeListed(documents, name, relation, DocumentStore.and(scope.where(), relationRule.apply(relation)),
						scope.fields());
			}
			var where = DocumentStore.and(relation.pointingAt(ids), scope.where());
			return Flux.from(projected(store.collection(relation.collection()).find(where).sort(DocumentStore.CREATION_ORDER),
					scope.fields(), relation.pointers()))
				.collectList()
				.doOnNext(related -> {
					var byParent = new HashMap<Object, List<Document>>();
					related.forEach(child -> relation.pointedAt(child)
						.forEach(id -> byParent.computeIfAbsent(id, k -> new ArrayList<>()).add(child)));
					documents.forEach(parent -> parent.put(name,
							withIds(byParent.getOrDefault(parent.get("_id"), List.of()), relation.idField(), scope.fields())));
				});
		}).thenMany(Flux.fromIterable(documents));
	}

	private Mono<Void> includeListed(List<Document> documents, String name, EntityKind.Relation relation, Document rule,
			List<String> fields) {
		var listed = new LinkedHashSet<>();
		documents.forEach(parent -> listed.addAll(listOf(parent.get(relation.listKey()))));
		var where = DocumentStore.and(new Document("_id", new Document("$in", List.copyOf(listed))), rule);
		return Flux.from(projected(store.collection(relation.collection()).find(where), fields, List.of("_id")))
			.collectMap(d -> d.get("_id"))
			.doOnNext(byId -> documents.forEach(parent -> parent.put(name, withIds(listOf(parent.get(relation.listKey()))
				.stream().map(byId::get).filter(Objects::nonNull).toList(), relation.idField(), fields))))
			.then();
	}

	/** A find that returns only the given fields (and the key results are grouped by), or all without fields. */
	private static FindPublisher<Document> projected(
			FindPublisher<Document> find, List<String> fields, List<String> keys) {
		if (fields.isEmpty()) {
			return find;
		}
		var paths = new ArrayList<String>(keys);
		paths.addAll(fields);
		return find.projection(Projections.of(paths));
	}

	private static List<?> listOf(Object value) {
		return value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
	}

	/** The children with their id under its SciCat name too, unless the scope's fields leave that name out. */
	private static List<Document> withIds(Collection<Document> children, String idField, List<String> fields) {
		var result = new ArrayList<Document>(children.size());
		boolean named = fields.isEmpty() || fields.contains(idField);
		for (Document child : children) {
			var copy = named ? new Document(idField, child.get("_id")) : new Document();
			copy.putAll(child);
			result.add(copy);
		}
		return result;
	}

}
