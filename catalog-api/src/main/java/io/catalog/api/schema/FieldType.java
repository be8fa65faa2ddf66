package io.catalog.api.schema;

/** The JSON type a document field accepts, and how it is stored. */
public enum FieldType {

	STRING("a string"), NUMBER("a number"), INTEGER("an integer"), SIZE("a number of at least 0"),
	COUNT("an integer of at least 0"), BOOLEAN("a boolean"),
	DATE("an ISO-8601 date string of a year from 1 to 9999"), STRINGS("an array of strings"), OBJECT("an object"),
	OBJECTS("an array of objects"), ANY("any JSON value");

	private final String description;

	FieldType(String description) {
		this.description = description;
	}

	String description() {
		return description;
	}

}
