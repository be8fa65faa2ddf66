package io.catalog.api.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.bson.Document;
import org.roaringbitmap.RoaringBitmap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;


/**
 * An in-memory index of one collection: a bitmap per facet value, per text term and per metadata key and unit,
 * and a small record per document. Answers pages, facet counts, counts and metadata keys exactly, under a read
 * rule given as the MongoDB condition the access policy wrote. Safe for concurrent readers and writers.
 */
class SearchIndex {

	private final Profile profile;

	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

	private final List<IndexedDocument> documents = new ArrayList<>();

	private final Map<Object, Integer> ordinals = new HashMap<>();

	private final RoaringBitmap live = new RoaringBitmap();

	private final RoaringBitmap free = new RoaringBitmap();

	private final Map<String, Map<Object, RoaringBitmap>> postings = new HashMap<>();

	private final TreeMap<String, RoaringBitmap> terms = new TreeMap<>();

	private final MetadataKeys keys = new MetadataKeys();

	/** Replaced (under the write lock) when a field is added; a document indexed with an older one is again. */
	private volatile Extras extras;

	/** Per field being read in ({@code sort:} or {@code facet:} and its name): documents written meanwhile. */
	private final Map<String, RoaringBitmap> writtenWhileReading = new HashMap<>();

	private final Map<String, Mono<Void>> reads = new ConcurrentHashMap<>();

	SearchIndex(Profile profile) {
		this(profile, Extras.NONE);
	}

	/** An empty index that sorts and counts by the given fields beyond its profile's. */
	SearchIndex(Profile profile, Extras extras) {
		this.profile = profile;
		this.extras = extras;
	}

	Extras extras() {
		return extras;
	}

	Profile profile() {
		return profile;
	}

	/** Indexes a document as it now is, replacing what was kept of it. */
	void put(Document document) {
		boolean done;
		do {
			var used = extras;
			var indexed = IndexedDocument.of(profile, document, used);
			done = write(() -> used == extras && putLocked(indexed));
		}
		while (!done);
	}

	/** What the index keeps of each of the given documents now (absent: not kept), to compare with later. */
	Map<Object, IndexedDocument> kept(Collection<Object> ids) {
		return read(() -> {
			var kept = new HashMap<Object, IndexedDocument>();
			ids.forEach(id -> {
				var ordinal = ordinals.get(id);
				if (ordinal != null) {
					kept.put(id, documents.get(ordinal));
				}
			});
			return kept;
		});
	}

	/**
	 * Indexes documents as read from the store ({@code null}: gone), each only if the index still keeps what
	 * {@link #kept} saw: a write of this process since then is newer than the read, and whatever changed it after
	 * comes later in the change stream anyway.
	 */
	void putUnchanged(Collection<Object> ids, Map<Object, IndexedDocument> kept, Map<Object, Document> read) {
		boolean done;
		do {
			var used = extras;
			var indexed = new HashMap<Object, IndexedDocument>();
			read.forEach((id, document) -> indexed.put(id, IndexedDocument.of(profile, document, used)));
			done = write(() -> used == extras && putUnchangedLocked(ids, kept, indexed));
		}
		while (!done);
	}

	private boolean putUnchangedLocked(Collection<Object> ids, Map<Object, IndexedDocument> kept,
			Map<Object, IndexedDocument> indexed) {
		for (Object id : ids) {
			var ordinal = ordinals.get(id);
			if ((ordinal == null ? null : documents.get(ordinal)) != kept.get(id)) {
				continue;
			}
			if (indexed.containsKey(id)) {
				putLocked(indexed.get(id));
			}
			else {
				removeLocked(id);
			}
		}
		return true;
	}

	private boolean putLocked(IndexedDocument indexed) {
		var kept = ordinals.get(indexed.id());
		if (kept != null && indexed.postsLike(documents.get(kept))) {
			documents.set(kept, indexed);
			writtenWhileReading.values().forEach(bits -> bits.add(kept));
			return true;
		}
		removeLocked(indexed.id());
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
		indexed.facets().forEach((field, values) -> values.forEach(value -> postings
			.computeIfAbsent(field, f -> new HashMap<>()).computeIfAbsent(value, v -> new RoaringBitmap()).add(ordinal)));
		indexed.terms().keySet().forEach(term -> terms.computeIfAbsent(term, t -> new RoaringBitmap()).add(ordinal));
		keys.add(ordinal, indexed.metadata());
		writtenWhileReading.values().forEach(bits -> bits.add(ordinal));
		return true;
	}

	/**
	 * Makes a field sortable ({@code facet} false) or countable beyond the profile's: documents indexed from now on
	 * keep it, and those already kept get it from {@code values} (each document's {@code _id} and the field, read
	 * once from the store), except those written meanwhile. Completes at once when the field is there.
	 */
	Mono<Void> ensure(String field, boolean facet, Supplier<Flux<Document>> values) {
		var key = (facet ? "facet:" : "sort:") + field;
		if (read(() -> extras.has(field, facet) && !writtenWhileReading.containsKey(key))) {
			return Mono.empty();
		}
		return reads.computeIfAbsent(key, k -> Mono.defer(() -> {
			write(() -> {
				extras = extras.with(field, facet);
				writtenWhileReading.put(key, new RoaringBitmap());
				return null;
			});
			return values.get().buffer(1000)
				.publishOn(Schedulers.boundedElastic())
				.doOnNext(batch -> write(() -> fill(key, field, facet, batch)))
				.then(Mono.<Void>fromRunnable(() -> write(() -> writtenWhileReading.remove(key))));
		}).doOnError(error -> reads.remove(key)).cache());
	}

	private Void fill(String key, String field, boolean facet, List<Document> batch) {
		var written = writtenWhileReading.get(key);
		for (Document document : batch) {
			var ordinal = ordinals.get(document.get("_id"));
			if (ordinal == null || written.contains(ordinal)) {
				continue;
			}
			var kept = documents.get(ordinal);
			if (!facet) {
				IndexedDocument.putSortKey(kept.sortKeys(), field, IndexedDocument.path(document, field));
				continue;
			}
			var old = kept.facets().getOrDefault(field, List.of());
			old.forEach(value -> unpost(field, value, ordinal));
			IndexedDocument.putFacet(kept.facets(), field, document);
			kept.facets().getOrDefault(field, List.of()).forEach(value -> postings.computeIfAbsent(field, f -> new HashMap<>())
				.computeIfAbsent(value, v -> new RoaringBitmap()).add(ordinal));
		}
		return null;
	}

	private void unpost(String field, Object value, int ordinal) {
		var byValue = postings.get(field);
		var bits = byValue == null ? null : byValue.get(value);
		if (bits != null) {
			bits.remove(ordinal);
			if (bits.isEmpty()) {
				byValue.remove(value);
			}
		}
	}

	void remove(Object id) {
		write(() -> removeLocked(id));
	}

	void clear() {
		write(() -> {
			documents.clear();
			ordinals.clear();
			live.clear();
			free.clear();
			postings.clear();
			terms.clear();
			keys.clear();
			return null;
		});
	}

	private Void removeLocked(Object id) {
		var ordinal = ordinals.remove(id);
		if (ordinal == null) {
			return null;
		}
		var old = documents.set(ordinal, null);
		live.remove(ordinal);
		free.add(ordinal);
		old.facets().forEach((field, values) -> values.forEach(value -> unpost(field, value, ordinal)));
		old.terms().keySet().forEach(term -> {
			var bits = terms.get(term);
			bits.remove(ordinal);
			if (bits.isEmpty()) {
				terms.remove(term);
			}
		});
		keys.remove(ordinal, old.metadata());
		return null;
	}

	/** How many documents a query matches under the read rule ({@code ids}: a further restriction, or null). */
	long count(SearchQuery query, Document rule, Set<Object> ids) {
		return read(() -> matchLocked(query, rule, ids).getLongCardinality());
	}

	/** One page of ids, best first by text relevance when there is text and no order, else by the order. */
	Page page(SearchQuery query, Document rule, Set<Object> ids, Order order, int skip, int limit) {
		return read(() -> {
			var matching = matchLocked(query, rule, ids);
			Comparator<Integer> comparator = order != null ? order.comparator(documents)
					: !query.text().isEmpty() ? relevance(query.text()) : defaultOrder().comparator(documents);
			var best = new PriorityQueue<Integer>(comparator.reversed());
			int keep = skip + limit;
			for (int ordinal : matching) {
				if (best.size() < keep) {
					best.add(ordinal);
				}
				else if (keep > 0 && comparator.compare(ordinal, best.peek()) < 0) {
					// better than the worst kept: most documents are not, and cost one comparison
					best.poll();
					best.add(ordinal);
				}
			}
			var sorted = new ArrayList<>(best);
			sorted.sort(comparator);
			var pageIds = sorted.subList(Math.min(skip, sorted.size()), sorted.size()).stream()
				.map(o -> documents.get(o).id()).toList();
			return new Page(pageIds, matching.getLongCardinality());
		});
	}

	/** Counts per value of each facet; each facet ignores the query's own selection on it. */
	Map<String, List<Map<String, Object>>> facets(SearchQuery query, Document rule, Set<Object> ids,
			List<String> facets) {
		return read(() -> {
			var result = new LinkedHashMap<String, List<Map<String, Object>>>();
			for (String facet : facets) {
				var matching = matchLocked(query.without(facet), rule, ids);
				var counts = new ArrayList<Map<String, Object>>();
				postings.getOrDefault(facet, Map.of()).forEach((value, bits) -> {
					long count = RoaringBitmap.andCardinality(bits, matching);
					if (count > 0) {
						counts.add(new LinkedHashMap<>(Map.of("_id", value, "count", count)));
					}
				});
				counts.sort(Comparator.<Map<String, Object>, Long>comparing(c -> (Long) c.get("count")).reversed()
					.thenComparing(c -> String.valueOf(c.get("_id"))));
				result.put(facet, counts);
			}
			result.put("all", List.of(Map.of("totalSets", matchLocked(query, rule, ids).getLongCardinality())));
			return result;
		});
	}

	List<MetadataKeys.KeyUse> metadataKeys(SearchQuery query, Document rule, Set<Object> ids) {
		return read(() -> keys.uses(matchLocked(query, rule, ids)));
	}

	/**
	 * The first {@code count} documents under the read rule (and {@code ids}, when given) that pass the filter, in
	 * the given order.
	 */
	List<IndexedDocument> top(Document rule, Set<Object> ids, Predicate<IndexedDocument> filter, Order order, int count) {
		return read(() -> {
			var comparator = order.comparator(documents);
			var best = new PriorityQueue<Integer>(comparator.reversed());
			for (int ordinal : matchLocked(SearchQuery.ALL, rule, ids)) {
				if (count == 0 || !filter.test(documents.get(ordinal))) {
					continue;
				}
				if (best.size() < count) {
					best.add(ordinal);
				}
				else if (comparator.compare(ordinal, best.peek()) < 0) {
					best.poll();
					best.add(ordinal);
				}
			}
			var sorted = new ArrayList<>(best);
			sorted.sort(comparator);
			return sorted.stream().map(documents::get).toList();
		});
	}

	int size() {
		return read(live::getCardinality);
	}

	private RoaringBitmap matchLocked(SearchQuery query, Document rule, Set<Object> ids) {
		var result = ReadRule.bits(rule, postings, live);
		query.equal().forEach((field, values) -> {
			var byValue = postings.getOrDefault(field, Map.of());
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
			var any = new RoaringBitmap();
			terms.subMap(token, token + Character.MAX_VALUE).values().forEach(any::or);
			result.and(any);
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
		if (query.begin() != null || query.end() != null || !query.conditions().isEmpty()) {
			var kept = new RoaringBitmap();
			for (int ordinal : result) {
				var document = documents.get(ordinal);
				if (inWindow(document.time(), query) && query.conditions().stream()
					.allMatch(c -> c.matches(document.metadata().get(c.lhs())))) {
					kept.add(ordinal);
				}
			}
			return kept;
		}
		return result;
	}

	private static boolean inWindow(long time, SearchQuery query) {
		return (query.begin() == null || time >= query.begin()) && (query.end() == null || time <= query.end());
	}

	private Comparator<Integer> relevance(List<String> text) {
		var weights = new HashMap<String, Double>();
		double total = Math.max(1, live.getCardinality());
		for (String token : text) {
			terms.subMap(token, token + Character.MAX_VALUE).forEach((term, bits) -> weights.merge(term,
					Math.log(1 + total / bits.getCardinality()) * (term.equals(token) ? 1.0 : 0.5), Double::sum));
		}
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
	private Order defaultOrder() {
		return new Order(Order.CREATED, false);
	}

	private <T> T read(Supplier<T> action) {
		lock.readLock().lock();
		try {
			return action.get();
		}
		finally {
			lock.readLock().unlock();
		}
	}

	private <T> T write(Supplier<T> action) {
		lock.writeLock().lock();
		try {
			return action.get();
		}
		finally {
			lock.writeLock().unlock();
		}
	}

	/**
	 * A page of matching ids in order, and how many matched in all.
	 *
	 * @param ids the page's document ids
	 * @param total the number of matching documents
	 */
	record Page(List<Object> ids, long total) {
	}

}
