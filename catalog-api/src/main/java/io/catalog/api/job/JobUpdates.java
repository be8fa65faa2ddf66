package io.catalog.api.job;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.Document;

/**
 * What an update changes in a job, as SciCat applies it: a v3 body's {@code jobStatusMessage} becomes both status
 * code and message; an {@code executionTime} inside {@code jobResultObject} moves to {@code jobParams}; with
 * {@code application/merge-patch+json} the new {@code jobResultObject} is merged into the old one (RFC 7386).
 */
final class JobUpdates {

	private JobUpdates() {
	}

	/** A v3 update body as the v4 one SciCat maps it to. */
	static Document fromV3(Document v3, Document before) {
		var message = v3.getString("jobStatusMessage");
		var fields = new Document("statusCode", message != null && !message.isEmpty() ? message : before.get("statusCode"))
			.append("statusMessage", message != null && !message.isEmpty() ? message : before.get("statusMessage"));
		var result = v3.get("jobResultObject") instanceof Map<?, ?> given ? new Document(stringKeys(given)) : null;
		if (v3.get("executionTime") != null) {
			result = result == null ? new Document() : result;
			result.put("executionTime", v3.get("executionTime"));
		}
		if (result != null) {
			fields.put("jobResultObject", result);
		}
		return fields;
	}

	/** The fields to set. */
	static Document changes(Document before, Document fields, boolean mergePatch) {
		var set = new Document("statusCode", fields.get("statusCode")).append("statusMessage", fields.get("statusMessage"));
		if (fields.get("jobResultObject") instanceof Map<?, ?> given) {
			var result = new Document(stringKeys(given));
			if (mergePatch && before.get("jobResultObject") instanceof Map<?, ?> old) {
				result = new Document(merge(stringKeys(old), result));
			}
			var executionTime = result.remove("executionTime");
			if (executionTime != null) {
				var params = before.get("jobParams") instanceof Map<?, ?> p ? new Document(stringKeys(p)) : new Document();
				params.put("executionTime", executionTime);
				set.put("jobParams", params);
			}
			set.put("jobResultObject", result);
		}
		return set;
	}

	/** RFC 7386: objects merge key by key, null removes a key, anything else replaces. */
	static Map<String, Object> merge(Map<String, Object> target, Map<String, Object> patch) {
		var merged = new LinkedHashMap<>(target);
		patch.forEach((key, value) -> {
			if (value == null) {
				merged.remove(key);
			}
			else if (value instanceof Map<?, ?> inner && merged.get(key) instanceof Map<?, ?> old) {
				merged.put(key, new Document(merge(stringKeys(old), stringKeys(inner))));
			}
			else {
				merged.put(key, value);
			}
		});
		return merged;
	}

	private static Map<String, Object> stringKeys(Map<?, ?> map) {
		var copy = new LinkedHashMap<String, Object>();
		map.forEach((k, v) -> copy.put(String.valueOf(k), v));
		return copy;
	}

}
