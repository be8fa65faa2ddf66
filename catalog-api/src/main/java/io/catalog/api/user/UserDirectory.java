package io.catalog.api.user;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import io.catalog.api.access.Caller;
import io.catalog.api.document.DocumentStore;

/**
 * The users the catalog has seen, in SciCat's {@code User} and {@code UserIdentity} collections: one record per
 * user (its sign-in method and, once changed through the API, its password hash) and one identity holding the
 * access groups it had at its last sign-in. A user's id is its username.
 */
@Service
public class UserDirectory {

	/** SciCat's sign-in method of the functional accounts. */
	public static final String LOCAL = "local";

	static final String USERS = "User";

	static final String IDENTITIES = "UserIdentity";

	private final DocumentStore store;

	UserDirectory(DocumentStore store) {
		this.store = store;
	}

	/**
	 * Records a sign-in: the user's record is created if missing (an existing one keeps its sign-in method, as
	 * SciCat's does), its identity takes the caller's groups.
	 */
	public Mono<Void> record(Caller caller, String authStrategy) {
		var now = Date.from(Instant.now());
		var user = new Document("$setOnInsert", new Document("_id", caller.username()).append("username", caller.username())
			.append("authStrategy", authStrategy));
		if (caller.email() != null) {
			user.append("$set", new Document("email", caller.email()));
		}
		var identity = new Document("$set", new Document("authStrategy", authStrategy).append("provider", authStrategy)
			.append("profile", profile(caller))
			.append("modified", now))
			.append("$setOnInsert", new Document("_id", caller.username()).append("created", now)
				.append("externalId", "")
				.append("credentials", new Document()));
		var upsert = new UpdateOptions().upsert(true);
		return Mono.from(store.collection(USERS).updateOne(byUsername(caller.username()), user, upsert))
			.then(Mono.from(store.collection(IDENTITIES).updateOne(new Document("userId", caller.username()), identity, upsert)))
			.then();
	}

	/** The hash of the user's password when it was changed through the API (or kept by SciCat before). */
	public Mono<Optional<String>> passwordHash(String username) {
		return stored(username).map(user -> Optional.ofNullable(user.getString("password")))
			.defaultIfEmpty(Optional.empty());
	}

	/** The user's sign-in method as recorded ({@code local}, {@code oidc}, ...), if the user has a record. */
	public Mono<Optional<String>> authStrategy(String username) {
		return stored(username).map(user -> Optional.ofNullable(user.getString("authStrategy")))
			.defaultIfEmpty(Optional.empty());
	}

	/** Stores a new password hash for a local user, creating its record if missing. */
	public Mono<Void> setPasswordHash(String username, String hash) {
		var update = new Document("$set", new Document("password", hash)).append("$setOnInsert",
				new Document("_id", username).append("username", username).append("authStrategy", LOCAL));
		return Mono.from(store.collection(USERS).updateOne(byUsername(username), update, new UpdateOptions().upsert(true)))
			.then();
	}

	/** The user's record as SciCat answers it, never with its password. */
	Mono<Document> user(String id) {
		return stored(id).map(UserDirectory::withoutPassword);
	}

	/** Every user record, without passwords, up to {@code limit}. */
	Flux<Document> users(int limit) {
		return Flux.from(store.collection(USERS).find().limit(limit)).map(UserDirectory::withoutPassword);
	}

	/** The user's identity. */
	Mono<Document> identity(String userId) {
		return Mono.from(store.collection(IDENTITIES).find(new Document("userId", userId)).first());
	}

	/** The caller the user stood for at its last sign-in here: its name, email and access groups. */
	public Mono<Caller> recorded(String userId) {
		return identity(userId).map(identity -> callerOf(userId, identity));
	}

	/**
	 * The caller a user named in a request stands for, as SciCat looks it up: its identity with that username in
	 * the profile, the most recently created one when there are several.
	 */
	public Mono<Caller> named(String username) {
		return Mono.from(store.collection(IDENTITIES).find(new Document("profile.username", username))
			.sort(new Document("created", -1)).first()).map(identity -> callerOf(username, identity));
	}

	private static Caller callerOf(String username, Document identity) {
		var profile = identity.get("profile", Document.class);
		var groups = profile == null ? List.<String>of() : profile.getList("accessGroups", String.class, List.of());
		return Caller.of(username, profile == null ? null : profile.getString("email"), groups);
	}

	/** The first identity matching a condition the caller wrote (already checked for operators). */
	Mono<Document> findIdentity(Document where) {
		return Mono.from(store.collection(IDENTITIES).find(where).first());
	}

	/** An identity made from the caller's credential, for a user that has none recorded (its sign-in method unknown). */
	static Document identityOf(Caller caller) {
		return new Document("_id", caller.username()).append("userId", caller.username())
			.append("externalId", "")
			.append("credentials", new Document())
			.append("profile", profile(caller));
	}

	private Mono<Document> stored(String username) {
		return Mono.from(store.collection(USERS).find(byUsername(username)).first());
	}

	private static Document byUsername(String username) {
		return new Document("username", username);
	}

	private static Document withoutPassword(Document user) {
		var view = new Document(user);
		view.remove("password");
		view.putIfAbsent("id", String.valueOf(user.get("_id")));
		return view;
	}

	private static Document profile(Caller caller) {
		List<Document> emails = new ArrayList<>();
		if (caller.email() != null) {
			emails.add(new Document("value", caller.email()));
		}
		return new Document("id", caller.username()).append("username", caller.username())
			.append("displayName", caller.username())
			.append("email", caller.email())
			.append("emails", emails)
			.append("accessGroups", List.copyOf(caller.groups()));
	}

}
