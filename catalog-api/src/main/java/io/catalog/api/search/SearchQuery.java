package io.catalog.api.search;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.catalog.api.schema.Dates;
import io.catalog.api.web.InvalidInputException;

/**
 * SciCat's {@code fields} of a full query, read: text, a time window, value filters on facet fields, conditions
 * on scientific metadata, and a raw {@code mode} condition left to MongoDB.
 *
 * @param text the words to search for, all of which must match
 * @param begin the window's start in epoch milliseconds, or {@code null}
 * @param end the window's end in epoch milliseconds, or {@code null}
 * @param equal facet fields and the values any of which must match ({@code keywords}: all of which)
 * @param conditions conditions on scientific metadata
 * @param mode a raw where-condition, or {@code null}
 */
record SearchQuery(List<String> text, Long begin, Long end, Map<String, List<Object>> equal, List<Condition> conditions,
		Map<String, Object> mode) {

	static final SearchQuery ALL = new SearchQuery(List.of(), null, null, Map.of(), List.of(), null);

	/** Fields SciCat's clients send that select nothing here (the read rule comes from the token). */
	private static final List<String> IGNORED = List.of("userGroups", "metadataKey");

	@SuppressWarnings("unchecked")
	static SearchQuery parse(Profile profile, Map<String, Object> fields) {
		var text = new ArrayList<String>();
		Long begin = null;
		Long end = null;
		var equal = new LinkedHashMap<String, List<Object>>();
		var conditions = new ArrayList<Condition>();
		Map<String, Object> mode = null;
		for (var entry : fields.entrySet()) {
			var key = entry.getKey();
			var value = entry.getValue();
			if (value == null || IGNORED.contains(key)) {
				continue;
			}
			switch (key) {
				case "text" -> text.addAll(IndexedDocument.tokens(String.valueOf(value)));
				case "creationTime", "startTime", "createdAt" -> {
					if (!key.equals(profile.timeField()) || !(value instanceof Map<?, ?> window)) {
						throw new InvalidInputException("fields." + key, "must be {begin, end} on " + profile.timeField());
					}
					begin = time(window.get("begin"), "fields." + key + ".begin");
					end = time(window.get("end"), "fields." + key + ".end");
				}
				case "scientific", "characteristics" -> {
					if (!(value instanceof List<?> list)) {
						throw new InvalidInputException("fields." + key, "must be an array of conditions");
					}
					for (int i = 0; i < list.size(); i++) {
						if (!(list.get(i) instanceof Map<?, ?> condition)) {
							throw new InvalidInputException("fields." + key + "[" + i + "]", "must be a condition object");
						}
						conditions.add(Condition.parse(condition, i));
					}
				}
				case "mode" -> {
					if (!(value instanceof Map<?, ?> where)) {
						throw new InvalidInputException("fields.mode", "must be a where object");
					}
					mode = ((Map<String, Object>) where).isEmpty() ? null : (Map<String, Object>) where;
				}
				default -> {
					if (!KnownFields.countable(profile, key)) {
						throw new InvalidInputException("fields." + key, "cannot be searched; fields are text, "
								+ profile.timeField() + ", scientific, mode and the string, number, date and boolean "
								+ "fields of " + profile.collection());
					}
					var values = value instanceof List<?> list ? List.<Object>copyOf(list) : List.of(value);
					if (!values.isEmpty()) {
						equal.put(key, values);
					}
				}
			}
		}
		return new SearchQuery(List.copyOf(text), begin, end, equal, List.copyOf(conditions), mode);
	}

	private static Long time(Object value, String field) {
		if (value == null || "".equals(value)) {
			return null;
		}
		return Dates.parse(String.valueOf(value)).map(Date::getTime)
			.orElseThrow(() -> new InvalidInputException(field, "must be an ISO-8601 date or instant"));
	}

	/** The same query without its filter on one field: a facet's counts ignore the facet's own selection. */
	SearchQuery without(String field) {
		if (!equal.containsKey(field)) {
			return this;
		}
		var rest = new LinkedHashMap<>(equal);
		rest.remove(field);
		return new SearchQuery(text, begin, end, rest, conditions, mode);
	}

	/** Whether the query asks more of a document than its bitmaps can answer: a time window or conditions. */
	boolean filtersEach() {
		return begin != null || end != null || !conditions.isEmpty();
	}

	/** Whether a document is in the time window and meets every condition. */
	boolean admits(IndexedDocument document) {
		return (begin == null || document.time() >= begin) && (end == null || document.time() <= end)
				&& conditions.stream().allMatch(c -> c.matches(document.metadata().get(c.lhs())));
	}

}
