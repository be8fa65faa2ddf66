package io.catalog.api.access;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.test.web.reactive.server.WebTestClient;

import io.catalog.api.support.Requests;
import io.catalog.api.support.TestAccounts;

/**
 * The data the matrix runs against: one of each document, owned by {@code group1} (the owner column) and shared
 * with {@code group2} (the access column), made through the API, then snapshotted so that each write can start
 * from the same state.
 */
final class MatrixSeed {

	/** Creates a document through the API as a user, answering it. */
	interface Creator {

		Map<String, Object> create(String username, String path, Object body, Object... variables);

	}

	/** A raw dataset in SciCat's current (v4) schema. */
	private static Map<String, Object> currentDataset() {
		var dataset = new java.util.HashMap<>(Requests.rawDataset("group1"));
		dataset.put("principalInvestigators", List.of(dataset.remove("principalInvestigator")));
		return dataset;
	}

	private static final Map<String, String> USERS = Map.of("admin", "admin", "ingestor", "ingestor", "archiveManager",
			"archiveManager", "proposalIngestor", "proposalIngestor", "sampleIngestor", "sampleIngestor", "owner", "user1",
			"access", "user2", "other", "user4", "scoped", "user5");

	private final Map<String, Object> ids = new HashMap<>();

	private final Map<String, List<Document>> snapshot = new LinkedHashMap<>();

	private final Map<String, WebTestClient> clients = new HashMap<>();

	private final MongoDatabase database;

	private final Runnable reindex;

	private MatrixSeed(MongoDatabase database, Runnable reindex) {
		this.database = database;
		this.reindex = reindex;
	}

	static MatrixSeed plant(Creator api, Function<String, String> tokens, MongoDatabase database, WebTestClient web,
			Runnable reindex) {
		var seed = new MatrixSeed(database, reindex);
		var dataset = new HashMap<>(Requests.rawDataset("group1"));
		dataset.put("accessGroups", List.of("group2"));
		var pid = id(api.create("user1", "/api/v3/datasets", dataset));
		seed.ids.put("dataset", pid);
		seed.ids.put("origblock", id(api.create("user1", "/api/v3/datasets/{pid}/origdatablocks", Requests.fileBlock(1, 10), pid)));
		seed.ids.put("block", id(api.create("user1", "/api/v3/datasets/{pid}/datablocks", datablock(), pid)));
		seed.ids.put("attachment", id(api.create("user1", "/api/v3/datasets/{pid}/attachments", attachment(), pid)));
		seed.ids.put("sample", id(api.create("user1", "/api/v3/samples", owned(Map.of("description", "powder")))));
		seed.ids.put("sampleattachment", api.create("user1", "/api/v3/samples/{id}/attachments", attachment(),
				seed.ids.get("sample")).get("id"));
		seed.ids.put("proposal", id(api.create("proposalIngestor", "/api/v3/proposals", proposal("matrix-1"))));
		seed.ids.put("proposalattachment", api.create("proposalIngestor", "/api/v3/proposals/{id}/attachments", attachment(),
				seed.ids.get("proposal")).get("id"));
		seed.ids.put("user", "user1");
		seed.ids.put("job", api.create("user1", "/api/v3/jobs", archiveJob(pid)).get("id"));
		seed.ids.put("instrument", id(api.create("admin", "/api/v3/instruments", Map.of("uniqueName", "matrix-1", "name", "TOMCAT"))));
		seed.ids.put("instrumentuuid", ((String) seed.ids.get("instrument")).substring("test.prefix/".length()));
		seed.ids.put("policy", id(api.create("admin", "/api/v3/policies", Map.of("ownerGroup", "group1", "manager", List.of("pi@facility.test")))));
		seed.ids.put("doi", id(api.create("admin", "/api/v3/publisheddata", with(publication(), "pidArray", List.of(pid)))));
		seed.ids.put("token", id(api.create("user1", "/api/v3/users/my/tokens", Map.of("name", "matrix"))));
		var scoped = (String) api.create("user5", "/api/v3/users/my/tokens", Map.of("groups", List.of("group4"))).get("token");
		USERS.forEach((caller, username) -> {
			var secret = "scoped".equals(caller) ? scoped : tokens.apply(username);
			seed.clients.put(caller, web.mutate().responseTimeout(Duration.ofSeconds(60))
				.defaultHeader("Authorization", "Bearer " + secret).build());
		});
		seed.clients.put("anonymous", web.mutate().responseTimeout(Duration.ofSeconds(60)).build());
		recordUsers(api, database, seed);
		Flux.from(database.listCollectionNames())
			.flatMap(name -> Flux.from(database.getCollection(name).find()).collectList().map(docs -> Map.entry(name, docs)))
			.doOnNext(entry -> seed.snapshot.put(entry.getKey(), entry.getValue()))
			.blockLast(Duration.ofSeconds(30));
		return seed;
	}

	/**
	 * Leaves one user record (user1's, from a fresh sign-in, whichever tokens were cached) and the frontend's
	 * runtime configuration and theme.
	 */
	private static void recordUsers(Creator api, MongoDatabase database, MatrixSeed seed) {
		Flux.just("User", "UserIdentity")
			.concatMap(name -> Mono.from(database.getCollection(name).deleteMany(new Document())))
			.blockLast(Duration.ofSeconds(30));
		api.create("user1", "/api/v3/auth/login", Map.of("username", "user1", "password", TestAccounts.password("user1")));
		seed.ids.put("userfilter", "{\"where\":{\"userId\":\"user1\"}}");
		Flux.just(new Document("_id", "frontendConfig").append("cid", "frontendConfig")
			.append("data", new Document("facility", "Matrix")),
				new Document("_id", "frontendTheme").append("cid", "frontendTheme")
					.append("data", new Document("name", "light").append("properties", new Document())))
			.concatMap(config -> Mono.from(database.getCollection("RuntimeConfig").insertOne(config)))
			.blockLast(Duration.ofSeconds(30));
	}

	/** Puts the store back to the seeded state. */
	void restore() {
		Flux.fromIterable(snapshot.entrySet())
			.concatMap(entry -> Mono.from(database.getCollection(entry.getKey()).deleteMany(new Document()))
				.then(entry.getValue().isEmpty() ? Mono.empty()
						: Mono.from(database.getCollection(entry.getKey()).insertMany(entry.getValue())).then()))
			.blockLast(Duration.ofSeconds(30));
		reindex.run();
	}

	WebTestClient client(String caller) {
		return clients.get(caller);
	}

	Map<String, Object> ids() {
		return ids;
	}

	/** The request body the table names, or {@code null} for none. */
	Object body(String name) {
		return switch (name) {
			case "-" -> null;
			case "dataset" -> Requests.rawDataset("group1");
			case "currentdataset" -> currentDataset();
			case "change" -> Map.of("description", "changed");
			case "caption" -> Map.of("caption", "changed");
			case "title" -> Map.of("title", "changed");
			case "name" -> Map.of("name", "changed");
			case "tape" -> Map.of("tapeRedundancy", "medium");
			case "size" -> Map.of("size", 20);
			case "lifecycle" -> Map.of("archivable", false);
			case "origblock" -> with(Requests.fileBlock(1, 10), "datasetId", ids.get("dataset"));
			case "block" -> with(datablock(), "datasetId", ids.get("dataset"));
			case "files" -> Requests.fileBlock(1, 10);
			case "datablock" -> datablock();
			case "attachment" -> with(attachment(), "datasetId", ids.get("dataset"));
			case "parentattachment" -> attachment();
			case "attachmentv4" -> Map.of("caption", "sinogram", "isPublished", false, "ownerGroup", "group1",
					"relationships", List.of(Map.of("targetId", ids.get("dataset"), "targetType", "dataset")));
			case "attachmentv4put" -> Map.of("caption", "whole", "isPublished", false, "ownerGroup", "group1");
			case "sample" -> owned(Map.of("description", "crystal"));
			case "proposal" -> proposal("matrix-2");
			case "instrument" -> Map.of("uniqueName", "matrix-2", "name", "SINQ");
			case "policy" -> Map.of("ownerGroup", "group3", "manager", List.of("pi@facility.test"));
			case "publication" -> publication();
			case "publicationv4" -> Map.of("title", "Scans", "abstract", "What we found", "datasetPids", List.of());
			case "login" -> Map.of("username", "user1", "password", TestAccounts.password("user1"));
			case "token" -> Map.of("name", "matrix");
			case "empty" -> Map.of();
			case "settings" -> Map.of("datasetCount", 30);
			case "job" -> archiveJob(ids.get("dataset"));
			case "jobv4" -> Map.of("type", "archive", "ownerGroup", "group1",
					"jobParams", Map.of("datasetList", List.of(Map.of("pid", ids.get("dataset"), "files", List.of()))));
			case "jobstatus" -> Map.of("statusCode", "jobForwarded");
			case "external" -> Map.of("filters", List.of(Map.of("type", "text")));
			case "ownpassword" -> Map.of("currentPassword", "not-the-password", "newPassword", "changed-password",
					"confirmPassword", "changed-password");
			case "password" -> Map.of("newPassword", "changed-password", "confirmPassword", "changed-password");
			case "expiry" -> Map.of("expiresIn", "1h");
			case "runtimeconfig" -> Map.of("data", Map.of("facility", "Changed"));
			default -> throw new IllegalArgumentException("no body named " + name);
		};
	}

	private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
		var copy = new HashMap<>(body);
		copy.put(key, value);
		return copy;
	}

	private static Map<String, Object> owned(Map<String, Object> body) {
		var copy = new HashMap<>(body);
		copy.put("ownerGroup", "group1");
		copy.put("accessGroups", List.of("group2"));
		return copy;
	}

	private static Map<String, Object> datablock() {
		var block = new HashMap<>(Requests.fileBlock(1, 10));
		block.put("archiveId", "tape-" + UUID.randomUUID());
		block.put("packedSize", 10);
		block.put("version", "1");
		return block;
	}

	private static Map<String, Object> attachment() {
		return Map.of("caption", "sinogram", "thumbnail", "data:image/png;base64,iVBOR");
	}

	private static Map<String, Object> proposal(String id) {
		var proposal = owned(Map.of("proposalId", id, "email", "pi@facility.test", "title", "Beam time",
				"startTime", "2026-01-01T00:00:00Z"));
		return proposal;
	}

	private static Map<String, Object> publication() {
		return Map.of("creator", List.of("Ada Lovelace"), "publisher", "PSI", "publicationYear", 2026, "title", "Scans",
				"abstract", "What we found", "dataDescription", "Tomography", "resourceType", "raw", "pidArray",
				List.of("test.prefix/one"));
	}

	private static Map<String, Object> archiveJob(Object pid) {
		var datasets = List.of(Map.of("pid", pid, "files", List.of()));
		return Map.of("type", "archive", "datasetList", datasets, "jobParams", Map.of("datasetList", datasets));
	}

	private static Object id(Map<String, Object> document) {
		for (var key : List.of("doi", "pid", "sampleId", "proposalId", "_id", "id")) {
			if (document.get(key) != null) {
				return document.get(key);
			}
		}
		throw new IllegalStateException("no id in " + document.keySet());
	}

}
