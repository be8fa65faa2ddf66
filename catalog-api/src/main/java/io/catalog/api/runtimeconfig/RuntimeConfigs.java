package io.catalog.api.runtimeconfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import io.catalog.api.access.Caller;
import io.catalog.api.document.DocumentStore;
import io.catalog.api.schema.Json;
import io.catalog.api.web.FieldError;
import io.catalog.api.web.InvalidInputException;
import io.catalog.api.web.Problems;

/**
 * The runtime configurations in SciCat's {@code RuntimeConfig} collection, one document per id ({@code cid}) with
 * its JSON under {@code data}. At start-up each configured file overwrites its document, as in SciCat, so a change
 * made through the API lasts until the next start.
 */
@Service
class RuntimeConfigs {

	static final String COLLECTION = "RuntimeConfig";

	private static final String SYSTEM = "system";

	private static final Logger log = LoggerFactory.getLogger(RuntimeConfigs.class);

	private final DocumentStore store;

	private final RuntimeConfigProperties properties;

	private final ObjectMapper mapper;

	RuntimeConfigs(DocumentStore store, RuntimeConfigProperties properties, ObjectMapper mapper) {
		this.store = store;
		this.properties = properties;
		this.mapper = mapper;
	}

	/** Copies every configured file into the store; a file that is not valid JSON stops the start, naming it. */
	Mono<Void> syncFiles() {
		return Flux.fromIterable(properties.ids()).concatMap(id -> {
			var file = properties.files().get(id);
			if (file == null) {
				log.warn("CONFIG_SYNC_TO_DB_LIST names {}, which is no configuration file the catalog knows", id);
				return Mono.empty();
			}
			if (!Files.isRegularFile(file)) {
				log.warn("Configuration {} not copied: {} does not exist", id, file.toAbsolutePath());
				return Mono.empty();
			}
			return Mono.fromCallable(() -> read(id, file)).flatMap(data -> put(id, data));
		}).then();
	}

	Mono<Document> get(String cid) {
		return Mono.from(store.collection(COLLECTION).find(new Document("cid", cid)).first())
			.switchIfEmpty(Mono.error(() -> Problems.notFound("Config", "'" + cid + "'")));
	}

	/** Replaces the configuration's data, naming the admin who did. */
	Mono<Document> update(String cid, Object data, Caller caller) {
		if (!(data instanceof Map<?, ?> map)) {
			throw new InvalidInputException("data", "must be a JSON object");
		}
		var errors = new ArrayList<FieldError>();
		var converted = Json.toBson(map, "data", errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		var update = new Document("$set", new Document("data", converted).append("updatedBy", caller.username())
			.append("updatedAt", Date.from(Instant.now())));
		return Mono.from(store.collection(COLLECTION).findOneAndUpdate(new Document("cid", cid), update,
				new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
			.switchIfEmpty(Mono.error(() -> Problems.notFound("Config", "'" + cid + "'")))
			.doOnNext(updated -> log.info("Runtime configuration {} changed by {}", cid, caller.username()));
	}

	private Mono<Void> put(String cid, Document data) {
		var now = Date.from(Instant.now());
		var update = new Document("$set", new Document("data", data).append("updatedBy", SYSTEM).append("updatedAt", now))
			.append("$setOnInsert", new Document("_id", cid).append("createdBy", SYSTEM).append("createdAt", now));
		return Mono.from(store.collection(COLLECTION).updateOne(new Document("cid", cid), update,
				new UpdateOptions().upsert(true)))
			.doOnNext(result -> log.info("Runtime configuration {} copied from its file", cid))
			.then();
	}

	private Document read(String id, Path file) throws IOException {
		Map<String, Object> json;
		try {
			json = mapper.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {
			});
		}
		catch (JsonProcessingException ex) {
			var at = ex.getLocation() == null ? "" : " at line " + ex.getLocation().getLineNr();
			throw new IllegalStateException("Configuration " + id + ": " + file.toAbsolutePath() + at
					+ " is not a JSON object: " + ex.getOriginalMessage(), ex);
		}
		var errors = new ArrayList<FieldError>();
		var data = (Document) Json.toBson(json, id, errors);
		if (!errors.isEmpty()) {
			throw new IllegalStateException("Configuration " + id + ": " + file.toAbsolutePath() + ": "
					+ errors.get(0).field() + " " + errors.get(0).reason());
		}
		return data;
	}

}
