package io.catalog.api.document;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.bson.Document;

import io.catalog.api.access.Resource;
import io.catalog.api.schema.Json;
import io.catalog.api.schema.Schema;

/**
 * One kind of catalog document: its collection (SciCat's name), the JSON name of its {@code _id}, its schema and
 * the related documents a filter may include.
 *
 * @param resource what the access rules call it
 * @param collection the MongoDB collection
 * @param idField the JSON field that carries {@code _id} ({@code pid}, {@code sampleId}, ...), or {@code id}
 * @param schema the fields a request may set
 * @param relations related kinds by relation name
 * @param alsoId whether its documents also show their {@code _id} as {@code id} (mongoose's virtual, which SciCat's
 * clients read on instruments)
 */
public record EntityKind(Resource resource, String collection, String idField, Schema schema,
		Map<String, Relation> relations, boolean alsoId) {

	/** A kind whose documents show their {@code _id} under {@code idField} only. */
	public EntityKind(Resource resource, String collection, String idField, Schema schema,
			Map<String, Relation> relations) {
		this(resource, collection, idField, schema, relations, false);
	}

	/**
	 * Documents of another kind related to this one: either they point at it ({@code foreignKey} holds this kind's
	 * id, {@code listKey} is null), or it lists them ({@code listKey} holds their ids, as a dataset's
	 * {@code proposalIds}); the latter are read under their own kind's read rule.
	 *
	 * @param collection where they live
	 * @param foreignKey their field holding this kind's id, or {@code _id} for listed documents
	 * @param idField the JSON name of their {@code _id}
	 * @param listKey this kind's field listing their ids, or null
	 * @param resource what the access rules call them, for listed documents
	 * @param targetType the {@code targetType} under which SciCat's v4 {@code relationships} of theirs may also
	 * point at this kind (as an attachment's), or null
	 */
	public record Relation(String collection, String foreignKey, String idField, String listKey, Resource resource,
			String targetType) {

		private static final String RELATIONSHIPS = "relationships";

		/** Documents that point at this kind through {@code foreignKey}. */
		public Relation(String collection, String foreignKey, String idField) {
			this(collection, foreignKey, idField, null, null, null);
		}

		/** Documents whose ids this kind lists in {@code listKey}, read under {@code resource}'s read rule. */
		public static Relation listed(String collection, String listKey, String idField, Resource resource) {
			return new Relation(collection, "_id", idField, listKey, resource, null);
		}

		/** Documents that point at this kind through {@code foreignKey} or a relationship of {@code targetType}. */
		public static Relation targeting(String collection, String foreignKey, String targetType, String idField) {
			return new Relation(collection, foreignKey, idField, null, null, targetType);
		}

		/** The condition that finds the documents pointing at any of these ids of this kind. */
		public Document pointingAt(Collection<?> ids) {
			var byKey = new Document(foreignKey, new Document("$in", List.copyOf(ids)));
			if (targetType == null) {
				return byKey;
			}
			var target = new Document("targetId", new Document("$in", List.copyOf(ids))).append("targetType", targetType);
			return new Document("$or", List.of(byKey, new Document(RELATIONSHIPS, new Document("$elemMatch", target))));
		}

		/** The fields a projection of related documents keeps so that {@link #pointedAt} can tell. */
		List<String> pointers() {
			return targetType == null ? List.of(foreignKey) : List.of(foreignKey, RELATIONSHIPS);
		}

		/** The ids of this kind a related document points at. */
		Set<Object> pointedAt(Document related) {
			var ids = new LinkedHashSet<Object>();
			if (related.get(foreignKey) != null) {
				ids.add(related.get(foreignKey));
			}
			if (targetType != null && related.get(RELATIONSHIPS) instanceof List<?> targets) {
				targets.stream().filter(Document.class::isInstance).map(Document.class::cast)
					.filter(target -> targetType.equals(target.get("targetType")))
					.map(target -> target.get("targetId")).filter(Objects::nonNull).forEach(ids::add);
			}
			return ids;
		}

	}

	/** The JSON a client sees: dates as ISO strings and the id under its SciCat name as well as {@code _id}. */
	public Map<String, Object> toJson(Document document) {
		var json = new LinkedHashMap<String, Object>();
		if (document.containsKey("_id")) {
			json.put(idField, document.get("_id"));
			if (alsoId) {
				json.put("id", document.get("_id"));
			}
		}
		document.forEach((key, value) -> json.putIfAbsent(key, Json.toJson(value)));
		return json;
	}

}
