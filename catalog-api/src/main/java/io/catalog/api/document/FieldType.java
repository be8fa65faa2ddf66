package io.catalog.api.document;

/** The JSON type a document field accepts, and how it is stored. */
public enum FieldType {

	STRING("a string"), NUMBER("a number"), INTEGER("an integer"), BOOLEAN("a boolean"),
	DATE("an ISO-8601 date string"), STRINGS("an array of strings"), OBJECT("an object"),
	OBJECTS("an array of objects"), ANY("any JSON value");

	private final String description;

	FieldType(String description) {
		this.description = description;
	}

	String description() {
		return description;
	}

}
