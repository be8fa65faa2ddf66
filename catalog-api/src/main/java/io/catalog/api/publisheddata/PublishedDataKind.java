package io.catalog.api.publisheddata;

import static io.catalog.api.document.FieldType.DATE;
import static io.catalog.api.document.FieldType.INTEGER;
import static io.catalog.api.document.FieldType.NUMBER;
import static io.catalog.api.document.FieldType.STRING;
import static io.catalog.api.document.FieldType.STRINGS;

import java.util.List;
import java.util.Map;

import io.catalog.api.access.Resource;
import io.catalog.api.document.EntityKind;
import io.catalog.api.document.Schema;

/** The published-data kind: SciCat's {@code PublishedData} collection, {@code _id} = doi, and its v3 DTO fields. */
public final class PublishedDataKind {

	/** The publication states, in the only order a document may move through them. */
	static final List<String> STATUSES = List.of("private", "public", "registered", "amended");

	/** SciCat's UpdatePublishedDataDto as a partial update; the doi may be repeated but not changed. */
	static final Schema PATCH = Schema.builder()
		.optional(STRING, "doi", "publisher", "title", "abstract", "dataDescription", "resourceType", "affiliation",
				"url", "status", "scicatUser", "thumbnail", "downloadLink")
		.optional(STRINGS, "creator", "pidArray", "authors", "relatedPublications")
		.optional(INTEGER, "publicationYear", "numberOfFiles")
		.optional(NUMBER, "sizeOfArchive")
		.optional(DATE, "registeredTime")
		.build();

	/** SciCat's CreatePublishedDataDto. */
	static final Schema CREATE = PATCH.with()
		.required("creator", STRINGS)
		.required("publisher", STRING)
		.required("publicationYear", INTEGER)
		.required("title", STRING)
		.required("abstract", STRING)
		.required("dataDescription", STRING)
		.required("resourceType", STRING)
		.required("pidArray", STRINGS)
		.build();

	static final Schema QUERY = PATCH.with()
		.optional(DATE, "createdAt", "updatedAt")
		.optional(STRING, "createdBy", "updatedBy")
		.build();

	public static final EntityKind KIND = new EntityKind(Resource.PUBLISHED_DATA, "PublishedData", "doi", QUERY,
			Map.of());

	private PublishedDataKind() {
	}

}
