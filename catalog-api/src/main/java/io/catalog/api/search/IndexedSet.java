package io.catalog.api.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.roaringbitmap.RoaringBitmap;

/**
 * The documents of one index under dense ordinals (freed ordinals are reused), with their postings and metadata
 * keys, and how a query is matched against them. Not safe for concurrent use: {@link SearchIndex} guards it.
 */
final class IndexedSet {

	private final List<IndexedDocument> documents = new ArrayList<>();

	private final Map<Object, Integer> ordinals = new HashMap<>();

	private final RoaringBitmap live = new RoaringBitmap();

	private final RoaringBitmap free = new RoaringBitmap();

	private final Postings postings = new Postings();

	private final MetadataKeys keys = new MetadataKeys();

	/** The document under an ordinal. */
	IndexedDocument get(int ordinal) {
		return documents.get(ordinal);
	}

	/** The ordinal of a document id, or null when the document is not kept. */
	Integer ordinal(Object id) {
		return ordinals.get(id);
	}

	/** What is kept of a document, or null. */
	IndexedDocument kept(Object id) {
		var ordinal = ordinals.get(id);
		return ordinal == null ? null : documents.get(ordinal);
	}

	/** Every ordinal's document (null where freed), as an {@link Order} compares them. */
	List<IndexedDocument> all() {
		return documents;
	}

	Postings postings() {
		return postings;
	}

	MetadataKeys keys() {
		return keys;
	}

	int size() {
		return live.getCardinality();
	}

	/** Keeps a document, replacing what was kept of it, and answers its ordinal. */
	int put(IndexedDocument indexed) {
		var kept = ordinals.get(indexed.id());
		if (kept != null && indexed.postsLike(documents.get(kept))) {
			documents.set(kept, indexed);
			return kept;
		}
		remove(indexed.id());
		int ordinal = free.isEmpty() ? documents.size() : free.first();
		if (ordinal == documents.size()) {
			documents.add(indexed);
		}
		else {
			free.remove(ordinal);
			documents.set(ordinal, indexed);
		}
		ordinals.put(indexed.id(), ordinal);
		live.add(ordinal);
		postings.add(ordinal, indexed);
		keys.add(ordinal, indexed.metadata());
		return ordinal;
	}

	void remove(Object id) {
		var ordinal = ordinals.remove(id);
		if (ordinal == null) {
			return;
		}
		var old = documents.set(ordinal, null);
		live.remove(ordinal);
		free.add(ordinal);
		postings.remove(ordinal, old);
		keys.remove(ordinal, old.metadata());
	}

	void clear() {
		documents.clear();
		ordinals.clear();
		live.clear();
		free.clear();
		postings.clear();
		keys.clear();
	}

	/** The documents a query matches under the read rule ({@code ids}: a further restriction, or null). */
	RoaringBitmap match(SearchQuery query, Document rule, Set<Object> ids) {
		var result = ReadRule.bits(rule, postings.facets(), live);
		query.equal().forEach((field, values) -> {
			var byValue = postings.values(field);
			var selected = "keywords".equals(field) ? live.clone() : new RoaringBitmap();
			for (Object value : values) {
				var bits = byValue.getOrDefault(value, new RoaringBitmap());
				if ("keywords".equals(field)) {
					selected.and(bits);
				}
				else {
					selected.or(bits);
				}
			}
			result.and(selected);
		});
		for (String token : query.text()) {
			result.and(postings.startingWith(token));
		}
		if (ids != null) {
			var allowed = new RoaringBitmap();
			ids.forEach(id -> {
				var ordinal = ordinals.get(id);
				if (ordinal != null) {
					allowed.add(ordinal);
				}
			});
			result.and(allowed);
		}
		for (Condition condition : query.conditions()) {
			keys.checkUnit(condition);
		}
		if (query.filtersEach()) {
			var kept = new RoaringBitmap();
			for (int ordinal : result) {
				if (query.admits(documents.get(ordinal))) {
					kept.add(ordinal);
				}
			}
			return kept;
		}
		return result;
	}

	/** Best first by text relevance (term frequency by rarity), ties as created. */
	Comparator<Integer> relevance(List<String> text) {
		var weights = postings.weights(text, Math.max(1, live.getCardinality()));
		// scored once per document compared, lazily: most of a large result is never compared
		var scores = new HashMap<Integer, Double>();
		Comparator<Integer> byScore = Comparator.comparingDouble(o -> -scores.computeIfAbsent(o, ordinal -> {
			double score = 0;
			for (var term : documents.get(ordinal).terms().entrySet()) {
				score += term.getValue() * weights.getOrDefault(term.getKey(), 0.0);
			}
			return score;
		}));
		return byScore.thenComparing(defaultOrder().comparator(documents));
	}

	/** As created, as SciCat answers a full query that names no order (MongoDB's natural order). */
	static Order defaultOrder() {
		return new Order(Order.CREATED, false);
	}

}
