package io.catalog.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.catalog.api.access.Caller;

/**
 * Persistent API tokens: opaque random secrets with a recognisable prefix, shown once, kept only as their SHA-256
 * (the secrets carry 256 random bits, so a fast hash is enough), each scoped to some of its owner's groups, with an
 * optional expiry. Revoking deletes the token.
 */
final class ApiTokens {

	/** Every API token starts with this, so the bearer resolver knows it without a look-up. */
	static final String PREFIX = "cat_";

	static final String COLLECTION = "ApiToken";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MongoCollection<Document> collection;

	ApiTokens(MongoDatabase database) {
		this.collection = database.getCollection(COLLECTION);
	}

	/** What is known of a token after creation: everything but the secret. */
	record ApiToken(String id, String name, String owner, List<String> groups, Instant createdAt, Instant expiresAt) {
	}

	/** A new token with its secret, which is never stored or shown again. */
	record Created(ApiToken token, String secret) {
	}

	/**
	 * Stores a new token of the owner, unless the owner already holds {@code maxPerAccount} (expired ones are
	 * deleted first); answers nothing then. Stored first and counted after, so that parallel creates cannot pass the
	 * limit together: one over it deletes itself.
	 */
	Mono<Created> create(Caller owner, String name, List<String> groups, Instant expiresAt, int maxPerAccount) {
		var secret = PREFIX + random();
		var token = new ApiToken(UUID.randomUUID().toString(), name, owner.username(), List.copyOf(groups),
				Instant.now(), expiresAt);
		var document = new Document("_id", token.id()).append("name", name)
			.append("owner", owner.username())
			.append("email", owner.email())
			.append("groups", token.groups())
			.append("hash", hash(secret))
			.append("createdAt", Date.from(token.createdAt()))
			.append("expiresAt", expiresAt == null ? null : Date.from(expiresAt));
		var expired = Filters.and(Filters.eq("owner", owner.username()), Filters.lte("expiresAt", new Date()));
		return Mono.from(collection.deleteMany(expired))
			.then(Mono.from(collection.insertOne(document)))
			.then(Mono.from(collection.countDocuments(Filters.and(Filters.eq("owner", owner.username()),
					Filters.lte("createdAt", document.getDate("createdAt"))))))
			.flatMap(held -> held <= maxPerAccount ? Mono.just(new Created(token, secret))
					: Mono.from(collection.deleteOne(Filters.eq("_id", token.id()))).then(Mono.empty()));
	}

	Flux<ApiToken> list(String owner) {
		return Flux.from(collection.find(Filters.eq("owner", owner)).sort(Sorts.ascending("createdAt")))
			.map(ApiTokens::token);
	}

	/** Revokes the owner's token; empty when the owner has no such token. */
	Mono<ApiToken> revoke(String owner, String id) {
		return Mono.from(collection.findOneAndDelete(Filters.and(Filters.eq("_id", id), Filters.eq("owner", owner))))
			.map(ApiTokens::token);
	}

	/** The caller a presented secret stands for; empty when unknown, revoked or expired. */
	Mono<Caller> authenticate(String secret) {
		return Mono.from(collection.find(Filters.eq("hash", hash(secret))).first())
			.filter(document -> {
				var expires = document.getDate("expiresAt");
				return expires == null || expires.toInstant().isAfter(Instant.now());
			})
			.map(document -> Caller.of(document.getString("owner"), document.getString("email"),
					document.getList("groups", String.class, List.of())));
	}

	private static ApiToken token(Document document) {
		var expires = document.getDate("expiresAt");
		return new ApiToken(document.getString("_id"), document.getString("name"), document.getString("owner"),
				document.getList("groups", String.class, List.of()), document.getDate("createdAt").toInstant(),
				expires == null ? null : expires.toInstant());
	}

	private static String random() {
		var bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String secret) {
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
