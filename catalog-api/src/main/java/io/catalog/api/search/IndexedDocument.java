package io.catalog.api.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.measure.Unit;

import org.bson.Document;

import io.catalog.api.units.UnitSymbols;

/**
 * What the index keeps of one document: its facet values, weighted text terms, sort keys and flattened
 * scientific metadata.
 *
 * @param id the document's {@code _id}
 * @param facets values per facet field
 * @param terms text terms with their weight in this document
 * @param sortKeys comparable values per sort field
 * @param time the time field in epoch milliseconds, or {@code Long.MIN_VALUE}
 * @param metadata metadata entries by dotted key
 */
record IndexedDocument(Object id, Map<String, List<Object>> facets, Map<String, Float> terms,
		Map<String, Comparable<?>> sortKeys, long time, Map<String, Leaf> metadata) {

	private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");

	/**
	 * One metadata entry.
	 *
	 * @param value its value (a string, number, boolean or list)
	 * @param unit its unit as written, or {@code null}
	 * @param valueSI its value in SI units, or {@code null}
	 * @param unitSI its SI unit, or {@code null}
	 * @param humanName its human-readable name, or {@code null}
	 */
	record Leaf(Object value, String unit, Double valueSI, String unitSI, String humanName) {
	}

	static IndexedDocument of(Profile profile, Document document) {
		return of(profile, document, Extras.NONE);
	}

	/** What the index keeps of a document, with the fields sorted and counted beyond the profile's. */
	static IndexedDocument of(Profile profile, Document document, Extras extras) {
		var facets = new HashMap<String, List<Object>>();
		for (String field : profile.facetFields()) {
			putFacet(facets, field, document);
		}
		for (String field : extras.facets()) {
			putFacet(facets, field, document);
		}
		var metadata = new LinkedHashMap<String, Leaf>();
		if (document.get(profile.metadataField()) instanceof Map<?, ?> scientific) {
			flatten("", scientific, metadata);
		}
		var terms = new HashMap<String, Float>();
		profile.textFields().forEach((field, weight) -> {
			Object value = field.equals(profile.metadataField()) ? metadataText(metadata) : document.get(field);
			for (Object text : values(value)) {
				if (field.equals("_id")) {
					terms.merge(String.valueOf(text).toLowerCase(Locale.ROOT), weight, Float::sum);
				}
				tokens(String.valueOf(text)).forEach(term -> terms.merge(term, weight, Float::sum));
			}
		});
		var sortKeys = new HashMap<String, Comparable<?>>();
		for (String field : profile.sortFields()) {
			putSortKey(sortKeys, field, document.get(profile.kind().idField().equals(field) ? "_id" : field));
		}
		for (String field : extras.sorts()) {
			putSortKey(sortKeys, field, path(document, field));
		}
		var time = document.get(profile.timeField()) instanceof Date date ? date.getTime() : Long.MIN_VALUE;
		return new IndexedDocument(document.get("_id"), facets, terms, sortKeys, time, metadata);
	}

	/** Keeps a document's values of a facet field (none: no entry). */
	static void putFacet(Map<String, List<Object>> facets, String field, Document document) {
		var values = values(path(document, field));
		if (values.isEmpty()) {
			facets.remove(field);
		}
		else {
			facets.put(field, values);
		}
	}

	/** Keeps a document's value of a sort field, comparable within its kind: a date, a number or a string. */
	static void putSortKey(Map<String, Comparable<?>> sortKeys, String field, Object value) {
		if (value instanceof Date date) {
			sortKeys.put(field, date.getTime());
		}
		else if (value instanceof Number number) {
			sortKeys.put(field, number.doubleValue());
		}
		else if (value instanceof String string) {
			sortKeys.put(field, string);
		}
		else if (value instanceof Boolean bool) {
			sortKeys.put(field, bool ? 1.0 : 0.0);
		}
		else {
			sortKeys.remove(field);
		}
	}

	/** Whether this document sits in the same facet, term and metadata bitmaps as the other (only its record differs). */
	boolean postsLike(IndexedDocument other) {
		return other != null && facets.equals(other.facets) && terms.equals(other.terms) && metadata.equals(other.metadata);
	}

	static List<String> tokens(String text) {
		var result = new ArrayList<String>();
		for (String word : WORDS.split(text.toLowerCase(Locale.ROOT))) {
			if (!word.isEmpty()) {
				result.add(word);
			}
		}
		return result;
	}

	private static List<Object> metadataText(Map<String, Leaf> metadata) {
		var texts = new ArrayList<Object>();
		metadata.forEach((key, leaf) -> {
			texts.add(key);
			values(leaf.value()).forEach(texts::add);
			if (leaf.humanName() != null) {
				texts.add(leaf.humanName());
			}
		});
		return texts;
	}

	private static void flatten(String prefix, Map<?, ?> node, Map<String, Leaf> into) {
		node.forEach((rawKey, value) -> {
			var key = prefix + rawKey;
			if (value instanceof Map<?, ?> entry && (entry.containsKey("value") || entry.containsKey("v"))) {
				var unit = entry.containsKey("unit") ? entry.get("unit") : entry.get("u");
				var raw = entry.containsKey("value") ? entry.get("value") : entry.get("v");
				var si = entry.get("valueSI") instanceof Number number ? number.doubleValue() : null;
				var unitSI = entry.get("unitSI") instanceof String s ? s : null;
				var parsed = unit instanceof String s ? UnitSymbols.parse(s) : Optional.<Unit<?>>empty();
				if (si == null && raw instanceof Number number && parsed.isPresent()) {
					// written before units were normalised, or by a path that does not normalise: convert here
					si = UnitSymbols.toSI(parsed.get(), number.doubleValue());
					unitSI = UnitSymbols.siSymbol(parsed.get());
				}
				into.put(key, new Leaf(raw, unit instanceof String s ? s : null, si, unitSI,
						entry.get("human_name") instanceof String s ? s : null));
			}
			else if (value instanceof Map<?, ?> child) {
				flatten(key + ".", child, into);
			}
			else {
				into.put(key, new Leaf(value, null, null, null, null));
			}
		});
	}

	static Object path(Document document, String field) {
		Object current = document;
		for (String part : field.split("\\.")) {
			if (current instanceof Map<?, ?> map) {
				current = map.get(part);
			}
			else if (current instanceof Collection<?> list) {
				var collected = new ArrayList<>();
				list.forEach(item -> collected.add(item instanceof Map<?, ?> m ? m.get(part) : null));
				current = collected;
			}
			else {
				return null;
			}
		}
		return current;
	}

	private static List<Object> values(Object value) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof Collection<?> list) {
			return list.stream().filter(Objects::nonNull).map(v -> (Object) v).toList();
		}
		return List.of(value);
	}

}
