package io.catalog.api.job;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reading one action's options from the configuration; each mistake is an {@link IllegalArgumentException}. */
final class ActionOptions {

	private ActionOptions() {
	}

	static void allowOnly(Map<String, Object> options, String... keys) {
		var allowed = Set.of(keys);
		for (var key : options.keySet()) {
			if (!allowed.contains(key)) {
				throw new IllegalArgumentException(options.get("actionType") + " does not take '" + key + "'; it takes "
						+ String.join(", ", keys));
			}
		}
	}

	static String text(Map<String, Object> options, String key, String otherwise) {
		var value = options.get(key);
		if (value == null) {
			return otherwise;
		}
		if (value instanceof String text) {
			return text;
		}
		throw new IllegalArgumentException(options.get("actionType") + ": " + key + " must be a string");
	}

	static String required(Map<String, Object> options, String key) {
		var value = text(options, key, null);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(options.get("actionType") + " needs " + key);
		}
		return value;
	}

	static boolean flag(Map<String, Object> options, String key) {
		var value = options.get(key);
		if (value != null && !(value instanceof Boolean)) {
			throw new IllegalArgumentException(options.get("actionType") + ": " + key + " must be true or false");
		}
		return Boolean.TRUE.equals(value);
	}

	/** A map option whose keys are strings, or null when absent. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Map<String, Object> options, String key) {
		var value = options.get(key);
		if (value == null) {
			return null;
		}
		if (value instanceof Map<?, ?> map) {
			return new LinkedHashMap<>((Map<String, Object>) map);
		}
		throw new IllegalArgumentException(options.get("actionType") + ": " + key + " must be a mapping");
	}

}
