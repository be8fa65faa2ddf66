package io.catalog.api.datablock;

import static io.catalog.api.schema.FieldType.BOOLEAN;
import static io.catalog.api.schema.FieldType.DATE;
import static io.catalog.api.schema.FieldType.OBJECT;
import static io.catalog.api.schema.FieldType.OBJECTS;
import static io.catalog.api.schema.FieldType.SIZE;
import static io.catalog.api.schema.FieldType.STRING;
import static io.catalog.api.schema.FieldType.STRINGS;

import java.util.Map;

import io.catalog.api.access.Resource;
import io.catalog.api.document.EntityKind;
import io.catalog.api.schema.Schema;

/**
 * A kind of file list: an origdatablock (the files as acquired) or a datablock (their archived copy), with the
 * dataset counters it keeps up to date. Its JSON carries the id twice, as SciCat's clients read it: {@code id} and
 * {@code _id}.
 *
 * @param kind the documents
 * @param nested the body of {@code POST /datasets/{pid}/<blocks>}, which takes dataset and owner from the path
 * @param sizeField the dataset field that sums the blocks' {@code size}
 * @param countField the dataset field that counts the blocks' files
 */
record BlockKind(EntityKind kind, Schema nested, String sizeField, String countField) {

	static final Schema DATA_FILE = Schema.builder()
		.required("path", STRING)
		.required("size", SIZE)
		.required("time", DATE)
		.optional(STRING, "chk", "uid", "gid", "perm", "type")
		.optional("metadata", OBJECT)
		.build();

	/**
	 * The body of a dataset's file list. Older clients (pyscicat's OrigDatablock) also send the dataset id and its
	 * owner fields, and SciCat's v4 clients whether it is published: accepted, and taken from the dataset whatever
	 * they say.
	 */
	private static final Schema ORIG_NESTED = Schema.builder()
		.optional("size", SIZE)
		.optional("chkAlg", STRING)
		.required("dataFileList", OBJECTS, DATA_FILE)
		.optional(STRING, "datasetId", "ownerGroup", "instrumentGroup")
		.optional("accessGroups", STRINGS)
		.optional("isPublished", BOOLEAN)
		.build();

	private static final Schema ARCHIVED_NESTED = ORIG_NESTED.with()
		.required("archiveId", STRING)
		.required("packedSize", SIZE)
		.required("version", STRING)
		.build();

	static final BlockKind ORIG = new BlockKind(kind(Resource.ORIG_DATABLOCK, "OrigDatablock", ORIG_NESTED), ORIG_NESTED,
			"size", "numberOfFiles");

	static final BlockKind ARCHIVED = new BlockKind(kind(Resource.DATABLOCK, "Datablock", ARCHIVED_NESTED),
			ARCHIVED_NESTED, "packedSize", "numberOfFilesArchived");

	/** The body of {@code POST /<blocks>}: the nested body plus the dataset it belongs to. */
	Schema standalone() {
		return kind.schema().with().without("createdAt").without("updatedAt").without("createdBy").without("updatedBy")
			.build();
	}

	/** The size this block adds to the dataset's counter: {@code packedSize} for archived copies. */
	Number sizeOf(org.bson.Document block) {
		return (Number) block.get(this == ARCHIVED ? "packedSize" : "size");
	}

	private static EntityKind kind(Resource resource, String collection, Schema nested) {
		var schema = nested.with()
			.required("datasetId", STRING)
			.optional(STRING, "ownerGroup", "instrumentGroup", "createdBy", "updatedBy")
			.optional("accessGroups", STRINGS)
			.optional("isPublished", BOOLEAN)
			.optional(DATE, "createdAt", "updatedAt")
			.build();
		return new EntityKind(resource, collection, "id", schema, Map.of());
	}

}
