package io.catalog.api.document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import reactor.core.publisher.Mono;

/**
 * Claims on ids a client chose, so that of several requests creating a document under one id only one writes
 * anything (the store has no transactions to undo the others' writes). A claim is one small document, unique by
 * id; it is released when its create ends. A claim left behind by a crash goes stale after {@link #LEASE}, and the
 * next request for that id takes it over: it must then clear what the crashed create had written.
 */
final class Claims {

	/** The collection of claims. */
	static final String COLLECTION = "Claim";

	/** How long a claim holds without its create finishing (far longer than any create takes). */
	static final Duration LEASE = Duration.ofSeconds(30);

	private static final Duration POLL = Duration.ofMillis(50);

	private final MongoCollection<Document> claims;

	private final Clock clock;

	Claims(MongoCollection<Document> claims, Clock clock) {
		this.claims = claims;
		this.clock = clock;
	}

	/**
	 * A claim held on an id.
	 *
	 * @param key the claim's id
	 * @param nonce what tells this holder's claim from another's
	 * @param tookOver whether the claim was taken from a create that never finished
	 */
	record Claim(String key, String nonce, boolean tookOver) {
	}

	/**
	 * Claims the id of a document of the collection; while another request holds it, waits for that one to end
	 * (at most {@link #LEASE}, after which the claim is stale and taken over).
	 */
	Mono<Claim> claim(String collection, Object id) {
		var key = collection + "/" + id;
		var deadline = clock.instant().plus(LEASE).plus(LEASE);
		return Mono.defer(() -> attempt(key, deadline));
	}

	private Mono<Claim> attempt(String key, Instant deadline) {
		var nonce = UUID.randomUUID().toString();
		var now = clock.instant();
		var claim = new Document("_id", key).append("nonce", nonce).append("at", Date.from(now));
		return Mono.from(claims.insertOne(claim)).thenReturn(new Claim(key, nonce, false))
			.onErrorResume(Claims::duplicate, ex -> Mono.from(claims.find(Filters.eq("_id", key)).first())
				.flatMap(held -> held.getDate("at").toInstant().plus(LEASE).isBefore(now) ? takeOver(held, nonce, now)
						: Mono.empty())
				.switchIfEmpty(Mono.defer(() -> clock.instant().isAfter(deadline)
						? Mono.error(new IllegalStateException("the claim on " + key + " was neither released nor went stale"))
						: Mono.delay(POLL).then(attempt(key, deadline)))));
	}

	/** Takes a stale claim over, unless another request just did. */
	private Mono<Claim> takeOver(Document stale, String nonce, Instant now) {
		var key = stale.getString("_id");
		return Mono.from(claims.findOneAndUpdate(Filters.and(Filters.eq("_id", key), Filters.eq("nonce", stale.get("nonce"))),
				Updates.combine(Updates.set("nonce", nonce), Updates.set("at", Date.from(now)))))
			.map(taken -> new Claim(key, nonce, true));
	}

	/** Releases the claim, if it is still this holder's. */
	Mono<Void> release(Claim claim) {
		return Mono.from(claims.deleteOne(Filters.and(Filters.eq("_id", claim.key()), Filters.eq("nonce", claim.nonce()))))
			.then();
	}

	/** Whether the write was refused because the id (or another unique key) is taken. */
	static boolean duplicate(Throwable ex) {
		return ex instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
	}

}
