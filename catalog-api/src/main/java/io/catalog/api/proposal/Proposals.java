package io.catalog.api.proposal;

import static io.catalog.api.schema.FieldType.BOOLEAN;
import static io.catalog.api.schema.FieldType.DATE;
import static io.catalog.api.schema.FieldType.OBJECT;
import static io.catalog.api.schema.FieldType.OBJECTS;
import static io.catalog.api.schema.FieldType.STRING;
import static io.catalog.api.schema.FieldType.STRINGS;

import java.util.Map;

import io.catalog.api.access.Resource;
import io.catalog.api.document.EntityKind.Relation;
import io.catalog.api.document.EntityKind;
import io.catalog.api.schema.Schema;

/** The proposal kind: SciCat's {@code Proposal} collection, {@code _id} = proposalId, and its DTOs' fields. */
public final class Proposals {

	/** Fields a patch may set; the proposalId may be repeated but not changed. */
	static final Schema PATCH = Schema.builder()
		.optional(STRING, "proposalId", "ownerGroup", "instrumentGroup", "email", "title", "pi_email", "pi_firstname",
				"pi_lastname", "firstname", "lastname", "abstract", "parentProposalId", "type")
		.optional(STRINGS, "accessGroups", "instrumentIds")
		.optional(DATE, "startTime", "endTime")
		.optional(OBJECTS, "MeasurementPeriodList")
		.optional(OBJECT, "metadata")
		.optional(BOOLEAN, "isPublished")
		.build();

	/** SciCat's CreateProposalDto. */
	static final Schema CREATE = PATCH.with()
		.required("proposalId", STRING)
		.required("email", STRING)
		.required("title", STRING)
		.required("ownerGroup", STRING)
		.build();

	static final Schema QUERY = PATCH.with()
		.optional(DATE, "createdAt", "updatedAt")
		.optional(STRING, "createdBy", "updatedBy")
		.build();

	public static final EntityKind KIND = new EntityKind(Resource.PROPOSAL, "Proposal", "proposalId", QUERY,
			Map.of("attachments", new Relation("Attachment", "proposalId", "id")));

	private Proposals() {
	}

}
