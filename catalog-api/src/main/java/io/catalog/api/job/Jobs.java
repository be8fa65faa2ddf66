package io.catalog.api.job;

import static io.catalog.api.schema.FieldType.BOOLEAN;
import static io.catalog.api.schema.FieldType.DATE;
import static io.catalog.api.schema.FieldType.OBJECT;
import static io.catalog.api.schema.FieldType.OBJECTS;
import static io.catalog.api.schema.FieldType.STRING;
import static io.catalog.api.schema.FieldType.STRINGS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import io.catalog.api.document.EntityKind;
import io.catalog.api.schema.Schema;

/**
 * The job kind: collection {@code Job}, {@code _id} = id, the fields SciCat's v3 and v4 job DTOs accept, and the
 * v3 view (v3 clients read {@code jobStatusMessage}, {@code emailJobInitiator}, {@code creationTime},
 * {@code datasetList}, and the job's owner as {@code jobParams.username}). Who may do what is
 * {@link JobPolicy}'s, so the kind names no access resource.
 */
final class Jobs {

	/** v4 CreateJobDto. */
	static final Schema CREATE = Schema.builder()
		.required("type", STRING)
		.required("jobParams", OBJECT)
		.optional(STRING, "ownerUser", "ownerGroup", "contactEmail")
		.build();

	/** v3 CreateJobDto, mapped onto v4's by {@link JobRequests}. */
	static final Schema CREATE_V3 = Schema.builder()
		.required("type", STRING)
		.optional(OBJECT, "jobParams", "jobResultObject")
		.optional(STRING, "emailJobInitiator", "jobStatusMessage")
		.optional("datasetList", OBJECTS)
		.optional(DATE, "executionTime", "creationTime")
		.build();

	/** v4 UpdateJobDto. */
	static final Schema UPDATE = Schema.builder()
		.required(STRING, "statusCode", "statusMessage")
		.optional(OBJECT, "jobResultObject")
		.build();

	/** v3 UpdateJobDto. */
	static final Schema UPDATE_V3 = Schema.builder()
		.optional(STRING, "jobStatusMessage")
		.optional(OBJECT, "jobResultObject")
		.optional(DATE, "executionTime")
		.build();

	static final Schema QUERY = Schema.builder()
		.optional(STRING, "type", "ownerUser", "ownerGroup", "contactEmail", "statusCode", "statusMessage",
				"createdBy", "updatedBy", "configVersion", "instrumentGroup")
		.optional(STRINGS, "accessGroups")
		.optional(BOOLEAN, "isPublished")
		.optional(OBJECT, "jobParams", "jobResultObject")
		.optional("statusHistory", OBJECTS)
		.optional(DATE, "createdAt", "updatedAt", "executionTime")
		.build();

	static final EntityKind KIND = new EntityKind(null, "Job", "id", QUERY, Map.of());

	/** v3 field names and the v4 fields they stand for, in filters and in answers. */
	static final Map<String, String> V3_FIELDS = Map.of("emailJobInitiator", "contactEmail", "creationTime", "createdAt",
			"jobStatusMessage", "statusCode", "executionTime", "jobParams.executionTime", "jobParams.username", "ownerUser",
			"datasetList", "jobParams.datasetList");

	private Jobs() {
	}

	/** The v4 JSON of a job; one stored without {@code isPublished} shows SciCat's default, false. */
	static Map<String, Object> toJson(Document job) {
		var json = new LinkedHashMap<>(KIND.toJson(job));
		json.putIfAbsent("isPublished", false);
		return json;
	}

	/** The JSON a client sees: v4's, or SciCat v3's shape. */
	static Map<String, Object> toJson(Document job, boolean v3) {
		return v3 ? toV3(toJson(job)) : toJson(job);
	}

	/** SciCat's v3 job: its own field names, the owner as {@code jobParams.username}, nothing else. */
	static Map<String, Object> toV3(Map<String, Object> job) {
		var params = job.get("jobParams") instanceof Map<?, ?> given ? given : Map.of();
		var v3Params = new LinkedHashMap<String, Object>();
		v3Params.put("username", job.get("ownerUser"));
		params.forEach((k, v) -> {
			if (!"datasetList".equals(k) && !"executionTime".equals(k)) {
				v3Params.put(String.valueOf(k), v);
			}
		});
		var v3 = new LinkedHashMap<String, Object>();
		putIfPresent(v3, "_id", job.get("_id"));
		putIfPresent(v3, "id", job.get("id"));
		putIfPresent(v3, "emailJobInitiator", job.get("contactEmail"));
		putIfPresent(v3, "type", job.get("type"));
		putIfPresent(v3, "creationTime", job.get("createdAt"));
		putIfPresent(v3, "executionTime", params.get("executionTime"));
		v3.put("jobParams", v3Params);
		putIfPresent(v3, "jobStatusMessage", job.get("statusCode"));
		putIfPresent(v3, "datasetList", params.get("datasetList"));
		putIfPresent(v3, "jobResultObject", job.get("jobResultObject"));
		return v3;
	}

	private static void putIfPresent(Map<String, Object> json, String key, Object value) {
		if (value != null) {
			json.put(key, value);
		}
	}

	/** The datasets a job lists, as {@code [{pid, files}]}. */
	static List<?> datasetList(Map<String, Object> job) {
		return job.get("jobParams") instanceof Map<?, ?> params && params.get("datasetList") instanceof List<?> list
				? list : List.of();
	}

}
