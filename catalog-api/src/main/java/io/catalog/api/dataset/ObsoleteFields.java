package io.catalog.api.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

/**
 * SciCat's v3 dataset fields that its current schema stores as lists: a v3 client writes and reads
 * {@code principalInvestigator} (raw), {@code investigator} (derived), {@code proposalId}, {@code sampleId} and
 * {@code instrumentId}; the store holds {@code principalInvestigators}, {@code proposalIds}, {@code sampleIds} and
 * {@code instrumentIds}, as SciCat's does, so a SciCat database and v4 clients read the same documents.
 */
final class ObsoleteFields {

	/** Each v3 name with the list that stores it. */
	private static final Map<String, String> LISTS = Map.of("principalInvestigator", "principalInvestigators",
			"investigator", "principalInvestigators", "proposalId", "proposalIds", "sampleId", "sampleIds",
			"instrumentId", "instrumentIds");

	/** The v3 names, in a fixed order. */
	static final List<String> NAMES = List.of("principalInvestigator", "investigator", "proposalId", "sampleId",
			"instrumentId");

	private ObsoleteFields() {
	}

	/** The document with each v3 field moved into its list (a {@code null} clears the list). */
	static <M extends Map<String, Object>> M toCurrent(M fields) {
		for (var name : List.copyOf(fields.keySet())) {
			var list = LISTS.get(name);
			if (list != null) {
				var value = fields.remove(name);
				fields.put(list, value == null ? new ArrayList<>() : new ArrayList<>(List.of(value)));
			}
		}
		return fields;
	}

	/** A stored dataset as a v3 client reads it: each v3 field is the first of its list, when there is one. */
	static Map<String, Object> toV3(Map<String, Object> json) {
		var v3 = new LinkedHashMap<>(json);
		LISTS.forEach((name, list) -> {
			if (name.equals("investigator") && !"derived".equals(json.get("type"))) {
				return;
			}
			if (json.get(list) instanceof List<?> values && !values.isEmpty()) {
				v3.putIfAbsent(name, values.get(0));
			}
		});
		return v3;
	}

	/** A condition with v3 field names written with their lists' names (a list matches any element it holds). */
	static Object whereToCurrent(Object condition) {
		if (condition instanceof List<?> clauses) {
			return clauses.stream().map(ObsoleteFields::whereToCurrent).toList();
		}
		if (!(condition instanceof Document where)) {
			return condition;
		}
		var current = new Document();
		where.forEach((key, value) -> current.put(LISTS.getOrDefault(key, key),
				key.startsWith("$") ? whereToCurrent(value) : value));
		return current;
	}

	/** Field names of a projection or sort with v3 names replaced by their lists. */
	static String nameToCurrent(String name) {
		return LISTS.getOrDefault(name, name);
	}

}
