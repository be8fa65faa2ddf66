package io.catalog.api.query;

import java.util.List;
import java.util.Map;

import org.bson.Document;

/**
 * A parsed LoopBack-style filter: the condition, the projection, the related documents to include, and the page.
 *
 * @param where the condition as a MongoDB query built only from allowed operators
 * @param fields the fields to return, empty for all
 * @param include the relations to embed in each result
 * @param limit the page size
 * @param skip how many results to skip
 * @param order the sort, as field name to 1 or -1
 * @param scopes per included relation, the condition and fields its documents are read with, when given
 */
public record Filter(Document where, List<String> fields, List<String> include, int limit, int skip, Document order,
		Map<String, Scope> scopes) {

	public Filter(Document where, List<String> fields, List<String> include, int limit, int skip, Document order) {
		this(where, fields, include, limit, skip, order, Map.of());
	}

	/**
	 * What a LoopBack {@code include} item's {@code scope} asks of the related documents.
	 *
	 * @param where their condition, empty for all
	 * @param fields the fields to return, empty for all
	 */
	public record Scope(Document where, List<String> fields) {
	}

	/** The filter that matches everything with the default page. */
	public static Filter all(int limit) {
		return new Filter(new Document(), List.of(), List.of(), limit, 0, new Document());
	}

	public Filter withWhere(Document where) {
		return new Filter(where, fields, include, limit, skip, order, scopes);
	}

	public Filter withLimit(int limit) {
		return new Filter(where, fields, include, limit, skip, order, scopes);
	}

}
