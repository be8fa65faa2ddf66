package io.catalog.api.store;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.MongoCommandException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The collections and indexes the catalog reads by, created at start-up before anything is served (a first write
 * racing index creation could slip past a unique index on the embedded store).
 */
@Component
class Indexes implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(Indexes.class);

	private static final List<String> OWNABLE = List.of("ownerGroup", "accessGroups", "isPublished", "createdAt");

	/**
	 * Per collection, the indexed fields; a leading {@code !} marks a unique index, {@code ?} a unique index over
	 * the documents that have the field (sparse, as SciCat declares {@code Datablock.archiveId}).
	 */
	static final Map<String, List<String>> DECLARED = Map.ofEntries(
			Map.entry("Dataset", List.of("ownerGroup", "accessGroups", "isPublished", "creationTime", "type", "createdAt", "sourceFolder")),
			Map.entry("OrigDatablock", List.of("datasetId", "ownerGroup", "accessGroups", "createdAt")),
			Map.entry("Datablock", List.of("datasetId", "?archiveId", "ownerGroup", "createdAt")),
			Map.entry("Sample", OWNABLE),
			Map.entry("Proposal", OWNABLE),
			Map.entry("Instrument", List.of("!uniqueName", "createdAt")),
			Map.entry("Attachment", List.of("datasetId", "sampleId", "proposalId", "createdAt")),
			Map.entry("Policy", List.of("ownerGroup", "createdAt")),
			Map.entry("PublishedData", List.of("status", "createdBy", "createdAt")),
			Map.entry("History", List.of("documentId", "subsystem")),
			Map.entry("UserSetting", List.of("!userId")),
			Map.entry("ApiToken", List.of("!hash", "owner")),
			Map.entry("Job", List.of("ownerGroup", "ownerUser", "type", "createdAt")),
			Map.entry("Outbox", List.of("seq")),
			Map.entry("Claim", List.of()));

	/** What the store answers when an index on the same key exists with other options (an earlier release's). */
	private static final Set<Integer> CHANGED_OPTIONS = Set.of(85, 86);

	private final MongoDatabase database;

	Indexes(MongoDatabase database) {
		this.database = database;
	}

	@Override
	public void afterPropertiesSet() {
		Flux.fromIterable(DECLARED.entrySet())
			.concatMap(entry -> ensureCollection(entry.getKey())
				.thenMany(Flux.fromIterable(entry.getValue()).concatMap(field -> index(entry.getKey(), field))))
			.blockLast();
		log.info("Collections and indexes ready: {}", DECLARED.keySet());
	}

	private Mono<Void> ensureCollection(String name) {
		return Flux.from(database.listCollectionNames()).filter(name::equals).hasElements()
			.flatMap(exists -> exists ? Mono.<Void>empty() : Mono.from(database.createCollection(name)).then());
	}

	private Mono<String> index(String collection, String field) {
		boolean sparse = field.startsWith("?");
		boolean unique = sparse || field.startsWith("!");
		var name = unique ? field.substring(1) : field;
		var options = new IndexOptions().unique(unique).sparse(sparse);
		var indexes = database.getCollection(collection);
		return Mono.from(indexes.createIndex(new Document(name, 1), options))
			.onErrorResume(ex -> ex instanceof MongoCommandException command && CHANGED_OPTIONS.contains(command.getErrorCode()),
					ex -> {
						log.info("Rebuilding the index on {}.{} with its declared options", collection, name);
						return Mono.from(indexes.dropIndex(new Document(name, 1)))
							.then(Mono.from(indexes.createIndex(new Document(name, 1), options)));
					});
	}

}
