package io.catalog.api.publisheddata;

import static io.catalog.api.schema.FieldType.DATE;
import static io.catalog.api.schema.FieldType.INTEGER;
import static io.catalog.api.schema.FieldType.NUMBER;
import static io.catalog.api.schema.FieldType.OBJECT;
import static io.catalog.api.schema.FieldType.STRING;
import static io.catalog.api.schema.FieldType.STRINGS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.bson.Document;

import io.catalog.api.access.Resource;
import io.catalog.api.document.EntityKind;
import io.catalog.api.schema.Schema;

/**
 * The published-data kind: SciCat's {@code PublishedData} collection in its current (v4) shape, {@code _id} = doi,
 * with the fields of its v4 and v3 bodies.
 */
public final class PublishedDataKind {

	static final String PRIVATE = "private";

	static final String PUBLIC = "public";

	static final String REGISTERED = "registered";

	static final String AMENDED = "amended";

	/** The publication states, in the only order a document may move through them. */
	static final List<String> STATUSES = List.of(PRIVATE, PUBLIC, REGISTERED, AMENDED);

	/** SciCat's PartialUpdatePublishedDataV4Dto; the doi may be repeated but not changed. */
	static final Schema PATCH = Schema.builder()
		.optional(STRING, "doi", "title", "abstract", "status")
		.optional(STRINGS, "datasetPids")
		.optional(DATE, "registeredTime")
		.optional(OBJECT, "metadata")
		.build();

	/** SciCat's CreatePublishedDataV4Dto. */
	static final Schema CREATE = PATCH.with()
		.required("title", STRING)
		.required("abstract", STRING)
		.required("datasetPids", STRINGS)
		.build();

	/** SciCat's v3 PartialUpdatePublishedDataDto, which the v3 routes map onto the stored shape. */
	static final Schema OBSOLETE_PATCH = Schema.builder()
		.optional(STRING, "doi", "publisher", "title", "abstract", "dataDescription", "resourceType", "affiliation",
				"url", "status", "scicatUser", "thumbnail", "downloadLink")
		.optional(STRINGS, "creator", "pidArray", "authors", "relatedPublications")
		.optional(INTEGER, "publicationYear")
		.optional(NUMBER, "numberOfFiles", "sizeOfArchive")
		.optional(DATE, "registeredTime")
		.build();

	/** SciCat's v3 CreatePublishedDataDto. */
	static final Schema OBSOLETE_CREATE = OBSOLETE_PATCH.with()
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

	private static final int MAX_WORDS = 10;

	/** The fields a text search reads (SciCat indexes every string field for {@code $text}). */
	private static final List<String> TEXT_FIELDS = List.of("title", "abstract", "doi", "creator", "publisher",
			"dataDescription", "resourceType", "metadata.creators.name", "metadata.publisher.name", "metadata.description");

	/**
	 * SciCat's v4 {@code fields.text}: publications where any of the words occurs in a text field, ignoring case;
	 * the words are matched literally, never as patterns.
	 */
	static Document textCondition(String text) {
		var words = Arrays.stream(text.trim().split("\\s+")).filter(word -> !word.isEmpty()).limit(MAX_WORDS).toList();
		var any = new ArrayList<Document>();
		for (var word : words) {
			for (var field : TEXT_FIELDS) {
				any.add(new Document(field, new Document("$regex", Pattern.quote(word)).append("$options", "i")));
			}
		}
		return any.isEmpty() ? new Document() : new Document("$or", any);
	}

	private PublishedDataKind() {
	}

}
