package io.catalog.api.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.roaringbitmap.RoaringBitmap;

/**
 * Turns the read condition the access policy writes for MongoDB into a bitmap, so that the index answers under
 * exactly the same rule: {@code {}} (everything), {@code $or}, {@code $and}, {@code {field: value}} and
 * {@code {field: {$in: [...]}}} over indexed fields.
 */
final class ReadRule {

	private ReadRule() {
	}

	static RoaringBitmap bits(Document rule, Map<String, Map<Object, RoaringBitmap>> postings, RoaringBitmap live) {
		var result = live.clone();
		for (var entry : rule.entrySet()) {
			result.and(clause(entry.getKey(), entry.getValue(), postings, live));
		}
		return result;
	}

	private static RoaringBitmap clause(String key, Object value, Map<String, Map<Object, RoaringBitmap>> postings,
			RoaringBitmap live) {
		if ("$or".equals(key) || "$and".equals(key)) {
			var parts = ((List<?>) value).stream().map(part -> bits((Document) part, postings, live)).toList();
			var result = "$or".equals(key) ? new RoaringBitmap() : live.clone();
			parts.forEach("$or".equals(key) ? result::or : result::and);
			return result;
		}
		if ("_id".equals(key) && value instanceof Document in && in.get("$in") instanceof Collection<?> ids
				&& ids.isEmpty()) {
			return new RoaringBitmap();
		}
		var byValue = postings.get(key);
		if (byValue == null && !"isPublished".equals(key) && !"sharedWith".equals(key)
				&& !"accessGroups".equals(key) && !"ownerGroup".equals(key)) {
			throw new IllegalStateException("The search index does not keep " + key + ", which the read rule uses");
		}
		var values = value instanceof Document in && in.containsKey("$in") ? (Collection<?>) in.get("$in") : List.of(value);
		var result = new RoaringBitmap();
		for (Object one : values) {
			var bits = byValue == null ? null : byValue.get(one);
			if (bits != null) {
				result.or(bits);
			}
		}
		return result;
	}

}
