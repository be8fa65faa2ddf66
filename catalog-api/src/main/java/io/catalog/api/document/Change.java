package io.catalog.api.document;

import org.bson.Document;

/**
 * A write the store made: which document, how, and the document as it now is (as it was, for a delete).
 *
 * @param collection the document's collection
 * @param id its {@code _id}
 * @param operation what happened to it
 * @param document its content after the write, or before a delete
 */
public record Change(String collection, Object id, Operation operation, Document document) {

	/** The kinds of write. */
	public enum Operation {
		CREATE, UPDATE, DELETE
	}

}
