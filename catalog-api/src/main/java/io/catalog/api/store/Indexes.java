package io.catalog.api.store;

import java.util.List;
import java.util.Map;

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

	private static final List<String> OWNABLE = List.of("ownerGroup", "accessGroups", "isPublished");

	/** Per collection, the indexed fields; a leading {@code !} marks a unique index. */
	static final Map<String, List<String>> DECLARED = Map.ofEntries(
			Map.entry("Dataset", List.of("ownerGroup", "accessGroups", "isPublished", "creationTime", "type", "createdAt", "sourceFolder")),
			Map.entry("OrigDatablock", List.of("datasetId", "ownerGroup", "accessGroups")),
			Map.entry("Datablock", List.of("datasetId", "archiveId", "ownerGroup")),
			Map.entry("Sample", OWNABLE),
			Map.entry("Proposal", OWNABLE),
			Map.entry("Instrument", List.of("!uniqueName")),
			Map.entry("Attachment", List.of("datasetId", "sampleId", "proposalId")),
			Map.entry("Policy", List.of("ownerGroup")),
			Map.entry("PublishedData", List.of("status", "createdBy")),
			Map.entry("History", List.of("documentId", "subsystem")),
			Map.entry("UserSetting", List.of("!userId")),
			Map.entry("ApiToken", List.of("!hash", "owner")),
			Map.entry("Job", List.of("ownerGroup", "ownerUser", "type", "createdAt")),
			Map.entry("Outbox", List.of("seq")),
			Map.entry("Claim", List.of()));

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
		boolean unique = field.startsWith("!");
		var name = unique ? field.substring(1) : field;
		return Mono.from(database.getCollection(collection)
			.createIndex(new Document(name, 1), new IndexOptions().unique(unique)));
	}

}
