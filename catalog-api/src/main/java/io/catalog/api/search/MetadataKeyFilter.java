package io.catalog.api.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.catalog.api.web.InvalidInputException;

/**
 * The {@code filter} of v4 {@code /metadatakeys}, read: conditions on the entry ({@code sourceType},
 * {@code sourceId}, {@code key}, {@code humanReadableName}, {@code isPublished}), the fields to answer, a page and an
 * order by {@code createdAt} or {@code updatedAt}.
 *
 * @param sourceType the kind of source, or {@code null}
 * @param sourceId the source's id, or {@code null}
 * @param key the key, or {@code null}
 * @param humanReadableName the key's human-readable name, or {@code null}
 * @param isPublished whether the source is published, or {@code null}
 * @param fields the fields to answer (empty: all)
 * @param skip entries to leave out
 * @param limit entries to answer at most
 * @param descending newest first
 */
record MetadataKeyFilter(String sourceType, String sourceId, String key, String humanReadableName, Boolean isPublished,
		List<String> fields, int skip, int limit, boolean descending) {

	private static final int MOST = 10_000;

	@SuppressWarnings("unchecked")
	static MetadataKeyFilter parse(Map<String, Object> filter) {
		var where = object(filter.get("where"), "filter.where");
		var limits = object(filter.get("limits"), "filter.limits");
		for (String field : where.keySet()) {
			if (!List.of("sourceType", "sourceId", "key", "humanReadableName", "isPublished").contains(field)) {
				throw new InvalidInputException("filter.where." + field,
						"cannot be searched; fields are sourceType, sourceId, key, humanReadableName and isPublished");
			}
		}
		var fields = filter.get("fields");
		if (fields != null && !(fields instanceof List<?> list && list.stream().allMatch(String.class::isInstance))) {
			throw new InvalidInputException("filter.fields", "must be an array of field names");
		}
		boolean descending = true;
		var sort = object(limits.get("sort"), "filter.limits.sort");
		for (var entry : sort.entrySet()) {
			if (!List.of("createdAt", "updatedAt").contains(entry.getKey())) {
				throw new InvalidInputException("filter.limits.sort", "sorts by createdAt or updatedAt");
			}
			descending = !"asc".equalsIgnoreCase(String.valueOf(entry.getValue()))
					&& !"1".equals(String.valueOf(entry.getValue()));
		}
		Object published = where.get("isPublished");
		if (published != null && !(published instanceof Boolean)) {
			throw new InvalidInputException("filter.where.isPublished", "must be a boolean");
		}
		return new MetadataKeyFilter(text(where, "sourceType"), text(where, "sourceId"), text(where, "key"),
				text(where, "humanReadableName"), (Boolean) published,
				fields == null ? List.of() : (List<String>) fields, number(limits.get("skip"), 0, "filter.limits.skip"),
				number(limits.get("limit"), 100, "filter.limits.limit"), descending);
	}

	/** Whether a source may hold matching entries. */
	boolean admits(IndexedDocument source) {
		if (isPublished != null
				&& source.facets().getOrDefault("isPublished", List.of()).contains(Boolean.TRUE) != isPublished) {
			return false;
		}
		return key == null || source.metadata().keySet().stream().anyMatch(k -> k.equals(key) || k.startsWith(key + "."));
	}

	/** Whether an entry matches the conditions on its key and name. */
	boolean admits(String entryKey, String name) {
		return (key == null || key.equals(entryKey)) && (humanReadableName == null || humanReadableName.equals(name));
	}

	/** The entry with only the asked fields. */
	Map<String, Object> project(Map<String, Object> entry) {
		if (fields.isEmpty()) {
			return entry;
		}
		var projected = new LinkedHashMap<String, Object>();
		fields.forEach(field -> {
			if (entry.containsKey(field)) {
				projected.put(field, entry.get(field));
			}
		});
		return projected;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> object(Object value, String field) {
		if (value == null) {
			return Map.of();
		}
		if (!(value instanceof Map<?, ?>)) {
			throw new InvalidInputException(field, "must be an object");
		}
		return (Map<String, Object>) value;
	}

	private static String text(Map<String, Object> where, String field) {
		var value = where.get(field);
		if (value != null && !(value instanceof String)) {
			throw new InvalidInputException("filter.where." + field, "must be a string");
		}
		return (String) value;
	}

	private static int number(Object value, int otherwise, String field) {
		if (value == null) {
			return otherwise;
		}
		if (!(value instanceof Integer number) || number < 0 || number > MOST) {
			throw new InvalidInputException(field, "must be a whole number from 0 to " + MOST);
		}
		return number;
	}

}
