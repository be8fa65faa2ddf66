package io.catalog.api.proposal;

import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tells SciCat's two readings of a proposal count's {@code filter} apart: a LoopBack filter ({@code {"where": ...}})
 * or, as SciCat's proposal count takes it, the condition itself ({@code {"proposalId": {"inq": [...]}}}).
 */
final class BareWhere {

	private static final Set<String> FILTER_KEYS = Set.of("where", "fields", "include", "limits", "limit", "skip",
			"order", "offset");

	private static final ObjectMapper JSON = new ObjectMapper();

	private BareWhere() {
	}

	/** Whether the text is a non-empty JSON object none of whose keys is a filter key; unreadable text is not. */
	static boolean holds(String filter) {
		if (filter == null || filter.isBlank()) {
			return false;
		}
		try {
			var node = JSON.readTree(filter);
			if (node == null || !node.isObject() || node.isEmpty()) {
				return false;
			}
			for (var name : (Iterable<String>) node::fieldNames) {
				if (FILTER_KEYS.contains(name)) {
					return false;
				}
			}
			return true;
		}
		catch (JsonProcessingException ex) {
			return false;
		}
	}

}
