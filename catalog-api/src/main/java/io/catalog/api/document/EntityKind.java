package io.catalog.api.document;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.Document;

import io.catalog.api.access.Resource;

/**
 * One kind of catalog document: its collection (SciCat's name), the JSON name of its {@code _id}, its schema and
 * the related documents a filter may include.
 *
 * @param resource what the access rules call it
 * @param collection the MongoDB collection
 * @param idField the JSON field that carries {@code _id} ({@code pid}, {@code sampleId}, ...), or {@code id}
 * @param schema the fields a request may set
 * @param relations related kinds by relation name
 */
public record EntityKind(Resource resource, String collection, String idField, Schema schema,
		Map<String, Relation> relations) {

	/**
	 * Documents of another kind that point at this one.
	 *
	 * @param collection where they live
	 * @param foreignKey their field holding this kind's id
	 * @param idField the JSON name of their {@code _id}
	 */
	public record Relation(String collection, String foreignKey, String idField) {
	}

	/** The JSON a client sees: dates as ISO strings and the id under its SciCat name as well as {@code _id}. */
	public Map<String, Object> toJson(Document document) {
		var json = new LinkedHashMap<String, Object>();
		if (document.containsKey("_id")) {
			json.put(idField, document.get("_id"));
		}
		document.forEach((key, value) -> json.putIfAbsent(key, Json.toJson(value)));
		return json;
	}

}
