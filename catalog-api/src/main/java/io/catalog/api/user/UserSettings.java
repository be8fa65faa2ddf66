package io.catalog.api.user;

import static io.catalog.api.schema.FieldType.INTEGER;
import static io.catalog.api.schema.FieldType.OBJECT;
import static io.catalog.api.schema.FieldType.OBJECTS;
import static io.catalog.api.schema.FieldType.STRING;

import java.util.ArrayList;
import java.util.Map;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import io.catalog.api.access.AccessPolicy;
import io.catalog.api.access.Caller;
import io.catalog.api.document.DocumentStore;
import io.catalog.api.schema.Schema;
import io.catalog.api.web.Problems;

/**
 * The settings SciCat's frontend keeps per user (table columns, page sizes, saved filters) in SciCat's
 * {@code UserSetting} collection, one document per user; a user reads and writes only its own, admins any.
 */
@Service
class UserSettings {

	static final String COLLECTION = "UserSetting";

	static final Schema SCHEMA = Schema.builder()
		.optional(OBJECTS, "columns", "filters", "conditions")
		.optional(INTEGER, "datasetCount", "jobCount")
		.optional("externalSettings", OBJECT)
		.optional("userId", STRING)
		.build();

	private final DocumentStore store;

	private final AccessPolicy policy;

	UserSettings(DocumentStore store, AccessPolicy policy) {
		this.store = store;
		this.policy = policy;
	}

	/** The user's settings, created with SciCat's defaults on first read. */
	Mono<Document> get(String userId, Caller caller) {
		check(userId, caller);
		return Mono.from(store.collection(COLLECTION).find(new Document("userId", userId)).first())
			.switchIfEmpty(Mono.defer(() -> {
				var defaults = defaults(userId);
				return Mono.from(store.collection(COLLECTION).insertOne(defaults)).thenReturn(defaults);
			}));
	}

	/** Sets the given fields of the user's settings; {@code replace} drops the others first. */
	Mono<Document> put(String userId, Map<String, Object> body, boolean replace, Caller caller) {
		check(userId, caller);
		var fields = SCHEMA.read(body, Schema.Mode.UPDATE);
		fields.put("userId", userId);
		return get(userId, caller).flatMap(current -> {
			var next = replace ? defaults(userId) : new Document(current);
			next.putAll(fields);
			next.put("_id", current.get("_id"));
			return Mono.from(store.collection(COLLECTION).replaceOne(new Document("_id", current.get("_id")), next))
				.thenReturn(next);
		});
	}

	/**
	 * Sets the given keys of the user's {@code externalSettings} (the frontend's saved columns and filters), keeping
	 * its other keys.
	 */
	Mono<Document> putExternal(String userId, Map<String, Object> body, Caller caller) {
		check(userId, caller);
		var external = (Document) SCHEMA.read(Map.of("externalSettings", body), Schema.Mode.UPDATE).get("externalSettings");
		return get(userId, caller).flatMap(current -> {
			var next = new Document(current);
			var merged = current.get("externalSettings") instanceof Document stored ? new Document(stored) : new Document();
			merged.putAll(external);
			next.put("externalSettings", merged);
			return Mono.from(store.collection(COLLECTION).replaceOne(new Document("_id", current.get("_id")), next))
				.thenReturn(next);
		});
	}

	Mono<Document> delete(String userId, Caller caller) {
		check(userId, caller);
		return Mono.from(store.collection(COLLECTION).findOneAndDelete(new Document("userId", userId)))
			.switchIfEmpty(Mono.error(() -> Problems.notFound("UserSetting of", userId)));
	}

	private void check(String userId, Caller caller) {
		UserAccess.checkSelfOrAdmin(policy, userId, caller);
	}

	private static Document defaults(String userId) {
		return new Document("_id", userId).append("userId", userId)
			.append("columns", new ArrayList<>())
			.append("datasetCount", 25L)
			.append("jobCount", 25L)
			.append("filters", new ArrayList<>())
			.append("conditions", new ArrayList<>())
			.append("externalSettings", new Document());
	}

}
