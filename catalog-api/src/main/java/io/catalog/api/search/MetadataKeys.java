package io.catalog.api.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.roaringbitmap.RoaringBitmap;

import io.catalog.api.web.InvalidInputException;

/**
 * The scientific metadata keys in use: which documents use each key, with which units and human-readable names.
 * Not thread-safe by itself; the index guards it.
 */
final class MetadataKeys {

	private final TreeMap<String, RoaringBitmap> byKey = new TreeMap<>();

	private final Map<String, Map<String, RoaringBitmap>> units = new HashMap<>();

	private final Map<String, Map<String, RoaringBitmap>> unitsSI = new HashMap<>();

	private final Map<String, Map<String, RoaringBitmap>> names = new HashMap<>();

	/**
	 * How a key is used among the documents asked about.
	 *
	 * @param key the dotted metadata key
	 * @param count how many documents use it
	 * @param units the units written for it
	 * @param humanNames the human-readable names given to it
	 */
	record KeyUse(String key, long count, List<String> units, List<String> humanNames) {
	}

	void add(int ordinal, Map<String, IndexedDocument.Leaf> metadata) {
		metadata.forEach((key, leaf) -> {
			byKey.computeIfAbsent(key, k -> new RoaringBitmap()).add(ordinal);
			mark(units, key, leaf.unit(), ordinal);
			mark(unitsSI, key, leaf.unitSI(), ordinal);
			mark(names, key, leaf.humanName(), ordinal);
		});
	}

	void remove(int ordinal, Map<String, IndexedDocument.Leaf> metadata) {
		metadata.forEach((key, leaf) -> {
			var bits = byKey.get(key);
			bits.remove(ordinal);
			if (bits.isEmpty()) {
				byKey.remove(key);
			}
			unmark(units, key, leaf.unit(), ordinal);
			unmark(unitsSI, key, leaf.unitSI(), ordinal);
			unmark(names, key, leaf.humanName(), ordinal);
		});
	}

	void clear() {
		byKey.clear();
		units.clear();
		unitsSI.clear();
		names.clear();
	}

	/** The keys used by the given documents, alphabetically. */
	List<KeyUse> uses(RoaringBitmap documents) {
		var result = new ArrayList<KeyUse>();
		byKey.forEach((key, bits) -> {
			long count = RoaringBitmap.andCardinality(bits, documents);
			if (count > 0) {
				result.add(new KeyUse(key, count, seen(units.get(key), documents), seen(names.get(key), documents)));
			}
		});
		return result;
	}

	/** Refuses a unit condition on a key whose values all have units of another dimension. */
	void checkUnit(Condition condition) {
		var si = unitsSI.get(condition.lhs());
		if (condition.unit() == null || si == null || si.isEmpty() || si.containsKey(condition.unitSI())) {
			return;
		}
		throw new InvalidInputException("fields.scientific.unit", "unit " + condition.unitSymbol()
				+ " is not compatible with the units of " + condition.lhs() + ": " + units.getOrDefault(condition.lhs(), Map.of()).keySet());
	}

	private static List<String> seen(Map<String, RoaringBitmap> values, RoaringBitmap documents) {
		if (values == null) {
			return List.of();
		}
		return values.entrySet().stream().filter(e -> RoaringBitmap.intersects(e.getValue(), documents))
			.map(Map.Entry::getKey).sorted().toList();
	}

	private static void mark(Map<String, Map<String, RoaringBitmap>> map, String key, String value, int ordinal) {
		if (value != null) {
			map.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(value, v -> new RoaringBitmap()).add(ordinal);
		}
	}

	private static void unmark(Map<String, Map<String, RoaringBitmap>> map, String key, String value, int ordinal) {
		if (value == null) {
			return;
		}
		var byValue = map.get(key);
		var bits = byValue.get(value);
		bits.remove(ordinal);
		if (bits.isEmpty()) {
			byValue.remove(value);
			if (byValue.isEmpty()) {
				map.remove(key);
			}
		}
	}

}
