package io.catalog.api.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.roaringbitmap.RoaringBitmap;

/**
 * The index's inverted lists: per facet field and value, and per text term, the ordinals of the documents that have
 * it. Not safe for concurrent use: {@link SearchIndex} guards it with its lock.
 */
final class Postings {

	private final Map<String, Map<Object, RoaringBitmap>> byFacet = new HashMap<>();

	private final TreeMap<String, RoaringBitmap> terms = new TreeMap<>();

	/** Posts every facet value and text term of a document under its ordinal. */
	void add(int ordinal, IndexedDocument indexed) {
		indexed.facets().forEach((field, values) -> values.forEach(value -> post(field, value, ordinal)));
		indexed.terms().keySet().forEach(term -> terms.computeIfAbsent(term, t -> new RoaringBitmap()).add(ordinal));
	}

	/** Takes back what {@link #add} posted for that document; an emptied list is dropped. */
	void remove(int ordinal, IndexedDocument indexed) {
		indexed.facets().forEach((field, values) -> values.forEach(value -> unpost(field, value, ordinal)));
		indexed.terms().keySet().forEach(term -> {
			var bits = terms.get(term);
			bits.remove(ordinal);
			if (bits.isEmpty()) {
				terms.remove(term);
			}
		});
	}

	void post(String field, Object value, int ordinal) {
		byFacet.computeIfAbsent(field, f -> new HashMap<>()).computeIfAbsent(value, v -> new RoaringBitmap()).add(ordinal);
	}

	void unpost(String field, Object value, int ordinal) {
		var byValue = byFacet.get(field);
		var bits = byValue == null ? null : byValue.get(value);
		if (bits != null) {
			bits.remove(ordinal);
			if (bits.isEmpty()) {
				byValue.remove(value);
			}
		}
	}

	/** Each value of a facet field with its documents (empty when nothing has the field). */
	Map<Object, RoaringBitmap> values(String field) {
		return byFacet.getOrDefault(field, Map.of());
	}

	/** Every facet field's lists, as a read rule is evaluated against them. */
	Map<String, Map<Object, RoaringBitmap>> facets() {
		return byFacet;
	}

	/** The documents having a term that starts with the token (a token typed is a prefix). */
	RoaringBitmap startingWith(String token) {
		var any = new RoaringBitmap();
		terms.subMap(token, token + Character.MAX_VALUE).values().forEach(any::or);
		return any;
	}

	/**
	 * The weight of each term a text query reaches: rarer terms weigh more (inverse document frequency over
	 * {@code total} documents), and a term the token only begins weighs half of one it equals.
	 */
	Map<String, Double> weights(List<String> text, double total) {
		var weights = new HashMap<String, Double>();
		for (String token : text) {
			terms.subMap(token, token + Character.MAX_VALUE).forEach((term, bits) -> weights.merge(term,
					Math.log(1 + total / bits.getCardinality()) * (term.equals(token) ? 1.0 : 0.5), Double::sum));
		}
		return weights;
	}

	void clear() {
		byFacet.clear();
		terms.clear();
	}

}
