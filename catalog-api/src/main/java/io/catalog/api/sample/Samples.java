package io.catalog.api.sample;

import static io.catalog.api.schema.FieldType.BOOLEAN;
import static io.catalog.api.schema.FieldType.DATE;
import static io.catalog.api.schema.FieldType.OBJECT;
import static io.catalog.api.schema.FieldType.STRING;
import static io.catalog.api.schema.FieldType.STRINGS;

import java.util.Map;

import io.catalog.api.access.Resource;
import io.catalog.api.document.EntityKind.Relation;
import io.catalog.api.document.EntityKind;
import io.catalog.api.schema.Schema;

/** The sample kind: SciCat's {@code Sample} collection, {@code _id} = sampleId, and the fields its DTOs accept. */
public final class Samples {

	/** SciCat's UpdateSampleDto: every field optional, no sampleId ({@code sampleName} too: newer SciCat requires it on create, older clients never send it). */
	static final Schema UPDATE = Schema.builder()
		.optional(STRING, "ownerGroup", "owner", "sampleName", "description", "type", "instrumentGroup", "proposalId",
				"parentSampleId")
		.optional(STRINGS, "accessGroups")
		.optional(OBJECT, "sampleCharacteristics")
		.optional(BOOLEAN, "isPublished")
		.build();

	/** SciCat's CreateSampleDto: ownerGroup required, sampleId may be chosen. */
	static final Schema CREATE = UPDATE.with().required("ownerGroup", STRING).optional("sampleId", STRING).build();

	/** A patch may repeat the sampleId, never change it. */
	static final Schema PATCH = UPDATE.with().optional("sampleId", STRING).build();

	static final Schema QUERY = PATCH.with()
		.optional(DATE, "createdAt", "updatedAt")
		.optional(STRING, "createdBy", "updatedBy")
		.build();

	public static final EntityKind KIND = new EntityKind(Resource.SAMPLE, "Sample", "sampleId", QUERY,
			Map.of("attachments", new Relation("Attachment", "sampleId", "id")));

	private Samples() {
	}

}
