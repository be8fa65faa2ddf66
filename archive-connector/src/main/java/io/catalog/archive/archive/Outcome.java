package io.catalog.archive.archive;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one dataset of a job ended.
 *
 * @param pid the dataset
 * @param ok whether it was archived or retrieved
 * @param message what happened, in a line
 * @param details what the job's {@code jobResultObject} shows for it
 */
public record Outcome(String pid, boolean ok, String message, Map<String, Object> details) {

	public static Outcome success(String pid, String message, Map<String, Object> details) {
		return new Outcome(pid, true, message, details);
	}

	public static Outcome failure(String pid, String message, Map<String, Object> details) {
		return new Outcome(pid, false, message, details);
	}

	/** The dataset's entry of the job result. */
	public Map<String, Object> toJson() {
		var json = new LinkedHashMap<String, Object>();
		json.put("pid", pid);
		json.put("status", ok ? "ok" : "failed");
		json.put("message", message);
		json.putAll(details);
		return json;
	}

}
