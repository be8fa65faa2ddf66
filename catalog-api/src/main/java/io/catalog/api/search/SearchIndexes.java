package io.catalog.api.search;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import io.catalog.api.document.Change;
import io.catalog.api.document.ChangeListener;

/**
 * The search indexes, one per searched collection: built from MongoDB at start-up, before the server takes
 * requests (streamed, in batches), then kept current by every write the store tells of.
 */
@Component
public class SearchIndexes implements ChangeListener, SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexes.class);

	private final MongoDatabase database;

	private final Map<String, SearchIndex> byCollection;

	public SearchIndexes(MongoDatabase database) {
		this.database = database;
		this.byCollection = List.of(Profile.DATASETS, Profile.SAMPLES, Profile.PROPOSALS).stream()
			.collect(Collectors.toUnmodifiableMap(Profile::collection, SearchIndex::new));
	}

	SearchIndex of(Profile profile) {
		return byCollection.get(profile.collection());
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

	/** Reads every searched collection again from MongoDB, replacing what the indexes held. */
	public Mono<Void> rebuild() {
		return Flux.fromIterable(byCollection.values()).concatMap(this::rebuild).then();
	}

	private Mono<Void> rebuild(SearchIndex index) {
		long started = System.nanoTime();
		index.clear();
		return Flux.from(database.getCollection(index.profile().collection()).find().batchSize(1000))
			.doOnNext(index::put)
			.then(Mono.fromRunnable(() -> log.info("Search index of {}: {} documents in {} ms",
					index.profile().collection(), index.size(), (System.nanoTime() - started) / 1_000_000)));
	}


}
