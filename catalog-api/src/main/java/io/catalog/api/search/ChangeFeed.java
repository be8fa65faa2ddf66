package io.catalog.api.search;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;


import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.reactivestreams.client.ClientSession;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps one search index current from its collection's MongoDB change stream, so that it hears every write,
 * whoever made it: another replica, a migration script, SciCat's backend, a delete straight in MongoDB. The index
 * is first read whole from the collection (a stream opened at the store's {@code operationTime} taken before that
 * read replays whatever changed during it), then each batch of changes is applied by reading the changed documents'
 * current state by id. The stream is polled with {@code getMore} (a replica set holds each poll open until a change
 * comes; the embedded store answers at once, and an empty answer waits {@link #IDLE} before the next). A lost stream
 * resumes from its last token; where the store no longer holds that point (or the collection was dropped or
 * renamed) the index is read whole again.
 */
final class ChangeFeed {

	private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

	/** How long an empty poll waits before the next. */
	static final Duration IDLE = Duration.ofMillis(100);

	private static final Duration RETRY = Duration.ofSeconds(1);

	private static final int BATCH = 1000;

	private static final Set<String> WRITES = Set.of("insert", "update", "replace", "delete");

	/** ChangeStreamHistoryLost, ChangeStreamFatalError: the stream cannot resume. */
	private static final Set<Integer> LOST = Set.of(286, 280);

	/** A standalone server, which has no change streams. */
	private static final int NOT_A_REPLICA_SET = 40573;

	private final MongoClient client;

	private final MongoDatabase database;

	private final Profile profile;

	private final Supplier<SearchIndex> index;

	private final Supplier<Mono<Void>> readWhole;

	private volatile Disposable following = Disposables.disposed();

	/** Where the stream goes on from: the last resume token (a document), or an operation time. */
	private volatile Object position;

	private volatile boolean failing;

	/**
	 * A feed for one profile's collection.
	 *
	 * @param index the index the profile has now
	 * @param readWhole reads the collection whole into a new index that then replaces the old one
	 */
	ChangeFeed(MongoClient client, MongoDatabase database, Profile profile, Supplier<SearchIndex> index,
			Supplier<Mono<Void>> readWhole) {
		this.client = client;
		this.database = database;
		this.profile = profile;
		this.index = index;
		this.readWhole = readWhole;
	}

	/** Reads the collection whole, then follows its changes from before that read; completes once it is read. */
	Mono<Void> restart() {
		stop();
		return readWholeFromNow().doOnSuccess(ignored -> following = follow().subscribe());
	}

	void stop() {
		following.dispose();
	}

	private Mono<Void> readWholeFromNow() {
		return operationTime().flatMap(time -> {
			position = time.orElse(null);
			return readWhole.get();
		});
	}

	private Mono<Void> follow() {
		return Mono.usingWhen(session(), session -> open(session).expand(batch -> more(session, batch)).then(),
				session -> Mono.fromRunnable(() -> session.ifPresent(ClientSession::close)))
			.onErrorResume(this::recover);
	}

	private Mono<Void> recover(Throwable error) {
		if (error instanceof MongoCommandException command && command.getErrorCode() == NOT_A_REPLICA_SET) {
			log.warn("MongoDB serves no change streams here (not a replica set): the search index of {} hears only "
					+ "this process's writes", profile.collection());
			return Mono.empty();
		}
		if (error instanceof Lost || error instanceof MongoCommandException command && LOST.contains(command.getErrorCode())) {
			log.info("Change stream of {} cannot resume ({}): reading the collection again", profile.collection(),
					error.getMessage());
			return readWholeFromNow().then(Mono.defer(this::follow));
		}
		if (!failing) {
			log.warn("Change stream of {} lost ({}); resuming from its last token", profile.collection(), error.toString());
		}
		failing = true;
		return Mono.delay(RETRY).then(Mono.defer(this::follow));
	}

	private Mono<Batch> open(Optional<ClientSession> session) {
		var stage = new Document();
		if (position instanceof Document token) {
			stage.put("resumeAfter", token);
		}
		else if (position instanceof BsonTimestamp time) {
			stage.put("startAtOperationTime", time);
		}
		var command = new Document("aggregate", profile.collection())
			.append("pipeline", List.of(new Document("$changeStream", stage)))
			.append("cursor", new Document("batchSize", BATCH));
		return run(session, command).flatMap(answer -> apply(answer, "firstBatch"));
	}

	private Mono<Batch> more(Optional<ClientSession> session, Batch batch) {
		if (batch.cursor() == 0) {
			return Mono.error(new Lost("the change stream ended"));
		}
		var command = new Document("getMore", batch.cursor()).append("collection", profile.collection())
			.append("batchSize", BATCH).append("maxTimeMS", 1000L);
		var poll = run(session, command).flatMap(answer -> apply(answer, "nextBatch"));
		return batch.empty() ? Mono.delay(IDLE).then(poll) : poll;
	}

	private Mono<Document> run(Optional<ClientSession> session, Document command) {
		return Mono.from(session.map(s -> database.runCommand(s, command)).orElseGet(() -> database.runCommand(command)));
	}

	@SuppressWarnings("unchecked")
	private Mono<Batch> apply(Document answer, String batchKey) {
		var cursor = (Document) answer.get("cursor");
		var events = (List<Document>) cursor.get(batchKey);
		var ids = new LinkedHashSet<Object>();
		for (Document event : events) {
			if (!WRITES.contains(event.getString("operationType"))) {
				return Mono.error(new Lost("the collection had a " + event.getString("operationType")));
			}
			ids.add(((Document) event.get("documentKey")).get("_id"));
		}
		var batch = new Batch(((Number) cursor.get("id")).longValue(), events.isEmpty());
		var next = events.isEmpty() ? cursor.get("postBatchResumeToken") : events.get(events.size() - 1).get("_id");
		return readAndIndex(ids).then(Mono.fromRunnable(() -> {
			if (next != null) {
				position = next;
			}
			failing = false;
		})).thenReturn(batch);
	}

	/** Reads the changed documents as they are now and indexes them (those gone: removed). */
	private Mono<Void> readAndIndex(Set<Object> ids) {
		if (ids.isEmpty()) {
			return Mono.empty();
		}
		var target = index.get();
		var kept = target.kept(ids);
		return Flux.from(database.getCollection(profile.collection())
			.find(new Document("_id", new Document("$in", List.copyOf(ids)))).batchSize(BATCH))
			.collectMap(document -> document.get("_id"))
			.publishOn(Schedulers.boundedElastic())
			.doOnNext(read -> target.putUnchanged(ids, kept, Map.copyOf(read)))
			.then();
	}

	/** A session where the server keeps them (its isMaster names a session timeout), else none. */
	private Mono<Optional<ClientSession>> session() {
		return Mono.from(database.runCommand(new Document("isMaster", 1)))
			.flatMap(hello -> hello.get("logicalSessionTimeoutMinutes") == null ? Mono.just(Optional.<ClientSession>empty())
					: Mono.from(client.startSession()).map(Optional::of))
			.onErrorResume(MongoException.class, unsupported -> Mono.just(Optional.empty()));
	}

	/** The store's newest operation time, when it tells it (a replica set, the embedded store). */
	private Mono<Optional<BsonTimestamp>> operationTime() {
		return Mono.from(database.runCommand(new Document("ping", 1)))
			.map(answer -> Optional.ofNullable(answer.get("operationTime") instanceof BsonTimestamp time ? time : null));
	}

	/**
	 * One batch of a change stream's cursor.
	 *
	 * @param cursor the cursor's id (0: closed)
	 * @param empty whether the batch held no change
	 */
	private record Batch(long cursor, boolean empty) {
	}

	/** The stream cannot go on from where it was: the collection must be read again. */
	private static final class Lost extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Lost(String message) {
			super(message, null, false, false);
		}

	}

}
