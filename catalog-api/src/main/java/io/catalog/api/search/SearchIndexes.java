package io.catalog.api.search;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import io.catalog.api.document.Change;
import io.catalog.api.document.ChangeListener;

/**
 * The search indexes, one per searched collection: read from MongoDB at start-up, before the server takes
 * requests (in batches), then kept current by the collection's change stream ({@link ChangeFeed}: writes by anyone)
 * and, at once, by every write of this process the store tells of (so a writer reads its own write back
 * immediately; the change stream brings the same write again, which changes nothing).
 */
@Component
public class SearchIndexes implements ChangeListener, SmartInitializingSingleton, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexes.class);

	private static final int BATCH = 1000;

	private final MongoDatabase database;

	private final Map<String, SearchIndex> byCollection = new ConcurrentHashMap<>();

	private final Map<String, ChangeFeed> feeds;

	public SearchIndexes(MongoClient client, MongoDatabase database) {
		this.database = database;
		var profiles = List.of(Profile.DATASETS, Profile.SAMPLES, Profile.PROPOSALS);
		profiles.forEach(profile -> byCollection.put(profile.collection(), new SearchIndex(profile)));
		this.feeds = profiles.stream().collect(Collectors.toUnmodifiableMap(Profile::collection,
				profile -> new ChangeFeed(client, database, profile, () -> of(profile), () -> readWhole(profile))));
	}

	SearchIndex of(Profile profile) {
		return byCollection.get(profile.collection());
	}

	/** Has the profile's index keep a field beyond its own, reading its values in the first time. */
	Mono<Void> ensure(Profile profile, String field, boolean facet) {
		if (facet ? !KnownFields.extraFacet(profile, field) : !KnownFields.extraSort(profile, field)) {
			return Mono.empty();
		}
		return of(profile).ensure(field, facet, () -> Flux.from(database.getCollection(profile.collection()).find()
			.projection(new Document(field, 1)).batchSize(5 * BATCH)));
	}

	@Override
	public void changed(Change change) {
		var index = byCollection.get(change.collection());
		if (index == null) {
			return;
		}
		if (change.operation() == Change.Operation.DELETE) {
			index.remove(change.id());
		}
		else {
			index.put(change.document());
		}
	}

	@Override
	public void afterSingletonsInstantiated() {
		rebuild().block(Duration.ofHours(1));
	}

	@Override
	public void destroy() {
		feeds.values().forEach(ChangeFeed::stop);
	}

	/** Reads every searched collection again from MongoDB, replacing what the indexes held, and follows on. */
	public Mono<Void> rebuild() {
		return Flux.fromIterable(feeds.values()).concatMap(ChangeFeed::restart).then();
	}

	/** Reads the collection into a new index, in batches, which then replaces the profile's. */
	private Mono<Void> readWhole(Profile profile) {
		long started = System.nanoTime();
		var index = new SearchIndex(profile, of(profile).extras());
		return Flux.from(database.getCollection(profile.collection()).find().batchSize(BATCH))
			.publishOn(Schedulers.boundedElastic(), BATCH)
			.doOnNext(index::put)
			.then(Mono.fromRunnable(() -> {
				byCollection.put(profile.collection(), index);
				log.info("Search index of {}: {} documents in {} ms", profile.collection(), index.size(),
						(System.nanoTime() - started) / 1_000_000);
			}));
	}

}
