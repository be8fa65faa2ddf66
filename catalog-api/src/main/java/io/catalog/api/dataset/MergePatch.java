package io.catalog.api.dataset;

import java.util.LinkedHashMap;
import java.util.Map;

import io.catalog.api.web.InvalidInputException;

/**
 * A v4 {@code PATCH} sent as {@code application/merge-patch+json} (RFC 7396): the objects {@code scientificMetadata}
 * and {@code datasetlifecycle} are merged into the stored ones, a {@code null} removing a key, instead of replacing
 * them whole. A quantity stored with a value and a unit is changed only with both, so its SI value stays true.
 */
final class MergePatch {

	private static final String METADATA = "scientificMetadata";

	private MergePatch() {
	}

	static boolean requested(String contentType) {
		return contentType != null && contentType.toLowerCase().startsWith("application/merge-patch+json");
	}

	/** The patch with its mergeable objects merged into the stored dataset's. */
	static Map<String, Object> into(String pid, Map<String, Object> stored, Map<String, Object> patch) {
		var merged = new LinkedHashMap<>(patch);
		if (patch.get(METADATA) instanceof Map<?, ?> changes && stored.get(METADATA) instanceof Map<?, ?> before) {
			changes.forEach((key, change) -> {
				if (before.get(key) instanceof Map<?, ?> quantity && quantity.containsKey("value") && quantity.containsKey("unit")
						&& !(change instanceof Map<?, ?> given && given.containsKey("value") && given.containsKey("unit"))
						&& change != null) {
					throw new InvalidInputException(METADATA + "." + key, "must carry both value and unit",
							"Original dataset " + pid + " contains both value and unit in " + METADATA + "." + key
									+ ". Please provide both when updating.");
				}
			});
		}
		for (var field : new String[] { METADATA, "datasetlifecycle" }) {
			if (patch.get(field) instanceof Map<?, ?> changes && stored.get(field) instanceof Map<?, ?> before) {
				merged.put(field, merge(before, changes));
			}
		}
		return merged;
	}

	private static Map<String, Object> merge(Map<?, ?> target, Map<?, ?> patch) {
		var result = new LinkedHashMap<String, Object>();
		target.forEach((key, value) -> result.put(String.valueOf(key), value));
		patch.forEach((key, value) -> {
			var name = String.valueOf(key);
			if (value == null) {
				result.remove(name);
			}
			else if (value instanceof Map<?, ?> child && result.get(name) instanceof Map<?, ?> existing) {
				result.put(name, merge(existing, child));
			}
			else {
				result.put(name, value);
			}
		});
		return result;
	}

}
