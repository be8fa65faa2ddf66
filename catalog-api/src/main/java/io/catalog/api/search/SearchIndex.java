package io.catalog.api.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

	private final IndexedSet set = new IndexedSet();

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
				var document = set.kept(id);
				if (document != null) {
					kept.put(id, document);
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
			if (set.kept(id) != kept.get(id)) {
				continue;
			}
			if (indexed.containsKey(id)) {
				putLocked(indexed.get(id));
			}
			else {
				set.remove(id);
			}
		}
		return true;
	}

	private boolean putLocked(IndexedDocument indexed) {
		int ordinal = set.put(indexed);
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
			var ordinal = set.ordinal(document.get("_id"));
			if (ordinal == null || written.contains(ordinal)) {
				continue;
			}
			var kept = set.get(ordinal);
			if (!facet) {
				IndexedDocument.putSortKey(kept.sortKeys(), field, IndexedDocument.path(document, field));
				continue;
			}
			kept.facets().getOrDefault(field, List.of()).forEach(value -> set.postings().unpost(field, value, ordinal));
			IndexedDocument.putFacet(kept.facets(), field, document);
			kept.facets().getOrDefault(field, List.of()).forEach(value -> set.postings().post(field, value, ordinal));
		}
		return null;
	}

	void remove(Object id) {
		write(() -> {
			set.remove(id);
			return null;
		});
	}

	void clear() {
		write(() -> {
			set.clear();
			return null;
		});
	}

	/** How many documents a query matches under the read rule ({@code ids}: a further restriction, or null). */
	long count(SearchQuery query, Document rule, Set<Object> ids) {
		return read(() -> set.match(query, rule, ids).getLongCardinality());
	}

	/** One page of ids, best first by text relevance when there is text and no order, else by the order. */
	Page page(SearchQuery query, Document rule, Set<Object> ids, Order order, int skip, int limit) {
		return read(() -> {
			var matching = set.match(query, rule, ids);
			Comparator<Integer> comparator = order != null ? order.comparator(set.all())
					: !query.text().isEmpty() ? set.relevance(query.text()) : IndexedSet.defaultOrder().comparator(set.all());
			var sorted = Best.of(matching, comparator, skip + limit, ordinal -> true);
			var pageIds = sorted.subList(Math.min(skip, sorted.size()), sorted.size()).stream()
				.map(o -> set.get(o).id()).toList();
			return new Page(pageIds, matching.getLongCardinality());
		});
	}

	/** Counts per value of each facet; each facet ignores the query's own selection on it. */
	Map<String, List<Map<String, Object>>> facets(SearchQuery query, Document rule, Set<Object> ids,
			List<String> facets) {
		return read(() -> {
			var result = new LinkedHashMap<String, List<Map<String, Object>>>();
			for (String facet : facets) {
				var matching = set.match(query.without(facet), rule, ids);
				var counts = new ArrayList<Map<String, Object>>();
				set.postings().values(facet).forEach((value, bits) -> {
					long count = RoaringBitmap.andCardinality(bits, matching);
					if (count > 0) {
						counts.add(new LinkedHashMap<>(Map.of("_id", value, "count", count)));
					}
				});
				counts.sort(Comparator.<Map<String, Object>, Long>comparing(c -> (Long) c.get("count")).reversed()
					.thenComparing(c -> String.valueOf(c.get("_id"))));
				result.put(facet, counts);
			}
			result.put("all", List.of(Map.of("totalSets", set.match(query, rule, ids).getLongCardinality())));
			return result;
		});
	}

	List<MetadataKeys.KeyUse> metadataKeys(SearchQuery query, Document rule, Set<Object> ids) {
		return read(() -> set.keys().uses(set.match(query, rule, ids)));
	}

	/**
	 * The first {@code count} documents under the read rule (and {@code ids}, when given) that pass the filter, in
	 * the given order.
	 */
	List<IndexedDocument> top(Document rule, Set<Object> ids, Predicate<IndexedDocument> filter, Order order, int count) {
		return read(() -> Best.of(set.match(SearchQuery.ALL, rule, ids), order.comparator(set.all()), count,
				ordinal -> filter.test(set.get(ordinal))).stream().map(set::get).toList());
	}

	int size() {
		return read(set::size);
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
