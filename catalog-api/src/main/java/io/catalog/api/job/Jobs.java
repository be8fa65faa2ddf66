package io.catalog.api.job;

import static io.catalog.api.document.FieldType.DATE;
import static io.catalog.api.document.FieldType.OBJECT;
import static io.catalog.api.document.FieldType.OBJECTS;
import static io.catalog.api.document.FieldType.STRING;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import io.catalog.api.document.EntityKind;
import io.catalog.api.document.Schema;

/**
 * The job kind: collection {@code Job}, {@code _id} = id, the fields SciCat's v3 and v4 job DTOs accept, and the
 * v3 view (v3 clients read {@code jobStatusMessage}, {@code emailJobInitiator}, {@code datasetList}). Who may
 * do what is {@link JobPolicy}'s, so the kind names no access resource.
 */
final class Jobs {

	/** v4 CreateJobDto, plus the v3 fields that are mapped onto it. */
	static final Schema CREATE = Schema.builder()
		.required("type", STRING)
		.optional(OBJECT, "jobParams", "jobResultObject")
		.optional(STRING, "ownerUser", "ownerGroup", "contactEmail", "emailJobInitiator", "jobStatusMessage")
		.optional("datasetList", OBJECTS)
		.optional(DATE, "creationTime", "executionTime")
		.build();

	/** v4 UpdateJobDto, plus v3's {@code jobStatusMessage}. */
	static final Schema UPDATE = Schema.builder()
		.optional(STRING, "statusCode", "statusMessage", "jobStatusMessage", "contactEmail")
		.optional(OBJECT, "jobResultObject")
		.optional(DATE, "executionTime")
		.build();

	static final Schema QUERY = Schema.builder()
		.optional(STRING, "type", "ownerUser", "ownerGroup", "contactEmail", "statusCode", "statusMessage",
				"createdBy", "updatedBy")
		.optional(OBJECT, "jobParams", "jobResultObject")
		.optional("statusHistory", OBJECTS)
		.optional(DATE, "createdAt", "updatedAt", "executionTime")
		.build();

	static final EntityKind KIND = new EntityKind(null, "Job", "id", QUERY, Map.of());

	private Jobs() {
	}

	/** The JSON a client sees; for v3 with SciCat v3's field names added. */
	static Map<String, Object> toJson(Document job, boolean v3) {
		var json = new LinkedHashMap<>(KIND.toJson(job));
		if (v3) {
			json.put("jobStatusMessage", json.get("statusCode"));
			json.put("emailJobInitiator", json.get("contactEmail"));
			json.put("creationTime", json.get("createdAt"));
			json.put("datasetList", json.get("jobParams") instanceof Map<?, ?> params
					? params.get("datasetList") : List.of());
		}
		return json;
	}

}
