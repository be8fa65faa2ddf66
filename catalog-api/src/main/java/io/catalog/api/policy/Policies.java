package io.catalog.api.policy;

import static io.catalog.api.schema.FieldType.BOOLEAN;
import static io.catalog.api.schema.FieldType.DATE;
import static io.catalog.api.schema.FieldType.NUMBER;
import static io.catalog.api.schema.FieldType.STRING;
import static io.catalog.api.schema.FieldType.STRINGS;

import java.util.Map;

import io.catalog.api.access.Resource;
import io.catalog.api.document.EntityKind;
import io.catalog.api.schema.Schema;

/** The policy kind: SciCat's {@code Policy} collection (one per ownerGroup), {@code _id} = uuid shown as {@code id}. */
public final class Policies {

	/** SciCat's UpdatePolicyDto: every field optional. */
	static final Schema UPDATE = Schema.builder()
		.optional(STRING, "ownerGroup", "instrumentGroup", "tapeRedundancy")
		.optional(STRINGS, "accessGroups", "manager", "archiveEmailsToBeNotified", "retrieveEmailsToBeNotified")
		.optional(BOOLEAN, "autoArchive", "archiveEmailNotification", "retrieveEmailNotification")
		.optional(NUMBER, "autoArchiveDelay", "embargoPeriod")
		.build();

	/** SciCat's CreatePolicyDto: ownerGroup required. */
	static final Schema CREATE = UPDATE.with().required("ownerGroup", STRING).build();

	static final Schema QUERY = UPDATE.with()
		.optional(DATE, "createdAt", "updatedAt")
		.optional(STRING, "createdBy", "updatedBy")
		.build();

	public static final EntityKind KIND = new EntityKind(Resource.POLICY, "Policy", "id", QUERY, Map.of());

	private Policies() {
	}

}
