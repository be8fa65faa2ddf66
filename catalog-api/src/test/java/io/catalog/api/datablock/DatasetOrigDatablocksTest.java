package io.catalog.api.datablock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.Requests;

/** A dataset created with its file lists in one request ({@code origdatablocks} in the create body). */
class DatasetOrigDatablocksTest extends CatalogTest {

	static Map<String, Object> withFiles(String group, Map<?, ?>... blocks) {
		var dataset = new HashMap<>(Requests.rawDataset(group));
		dataset.put("origdatablocks", List.of(blocks));
		return dataset;
	}

	@Test
	void datasetComesWithItsFileListsAndCountsThem() {
		var created = created("user1", "/api/v3/datasets", withFiles("group1", Requests.fileBlock(3, 100),
				Requests.fileBlock(2, 50)));
		var pid = created.get("pid");
		assertThat(created).containsEntry("size", 400).containsEntry("numberOfFiles", 5).doesNotContainKey("origdatablocks");
		assertThat(getObject("user1", "/api/v3/datasets/{pid}", pid)).containsEntry("size", 400)
			.containsEntry("numberOfFiles", 5);
		var blocks = getList("user1", "/api/v3/datasets/{pid}/origdatablocks", pid);
		assertThat(blocks).extracting(block -> ((List<?>) block.get("dataFileList")).size()).containsExactlyInAnyOrder(3, 2);
		assertThat(blocks).allSatisfy(block -> assertThat(block).containsEntry("datasetId", pid)
			.containsEntry("ownerGroup", "group1").containsKey("_id"));
		assertThat(getList("user2", "/api/v3/origdatablocks")).isEmpty();
	}

	@Test
	void aFileListAtFaultIsNamedByItsPlaceAndNothingIsWritten() {
		var bad = Map.of("dataFileList", List.of(Map.of("path", "/a", "size", "x")));
		post("user1", "/api/v3/datasets", withFiles("group1", Requests.fileBlock(1, 1), bad)).expectStatus()
			.isBadRequest().expectBody()
			.jsonPath("$.errors[?(@.field == 'origdatablocks[1].dataFileList[0].size')]").exists()
			.jsonPath("$.errors[?(@.field == 'origdatablocks[1].dataFileList[0].time')]").exists();
		post("user1", "/api/v3/datasets", withFiles("group1", Map.of("dataFileList", List.of()))).expectStatus()
			.isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("origdatablocks[0].dataFileList");
		var notAList = new HashMap<>(Requests.rawDataset("group1"));
		notAList.put("origdatablocks", Map.of());
		post("user1", "/api/v3/datasets", notAList).expectStatus().isBadRequest().expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("origdatablocks");
		assertThat(getList("user1", "/api/v3/datasets")).isEmpty();
		assertThat(getList("user1", "/api/v3/origdatablocks")).isEmpty();
	}

	@Test
	void isValidChecksTheFileListsTooAndStoresNothing() {
		as("user1").post().uri("/api/v3/datasets/isValid").bodyValue(withFiles("group1", Requests.fileBlock(2, 1)))
			.exchange().expectStatus().isOk().expectBody().jsonPath("$.valid").isEqualTo(true);
		as("user1").post().uri("/api/v3/datasets/isValid")
			.bodyValue(withFiles("group1", Map.of("dataFileList", List.of(Map.of("path", "/a"))))).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.valid").isEqualTo(false)
			.jsonPath("$.reason[?(@.field == 'origdatablocks[0].dataFileList[0].size')]").exists();
		assertThat(getList("user1", "/api/v3/origdatablocks")).isEmpty();
	}

	@Test
	void aReplaceTakesAnEmptyListOfFileListsAndRefusesAnyOther() {
		var pid = created("user1", "/api/v3/datasets", withFiles("group1", Requests.fileBlock(2, 1))).get("pid");
		as("user1").put().uri("/api/v3/datasets/{pid}", pid).bodyValue(withFiles("group1")).exchange().expectStatus()
			.isOk();
		as("user1").put().uri("/api/v3/datasets/{pid}", pid).bodyValue(withFiles("group1", Requests.fileBlock(1, 1)))
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("origdatablocks");
		assertThat(getObject("user1", "/api/v3/datasets/{pid}", pid)).containsEntry("numberOfFiles", 2);
	}

	@Test
	void aTakenPidIsConflictAndItsFileListsStayAsTheyWere() {
		var first = withFiles("group1", Requests.fileBlock(3, 100));
		first.put("pid", "run-42");
		created("ingestor", "/api/v3/datasets", first);
		var second = withFiles("group1", Requests.fileBlock(1, 7));
		second.put("pid", "run-42");
		post("ingestor", "/api/v3/datasets", second).expectStatus().isEqualTo(409);
		assertThat(getList("user1", "/api/v3/datasets/{pid}/origdatablocks", "run-42")).singleElement()
			.satisfies(block -> assertThat((List<?>) block.get("dataFileList")).hasSize(3));
		assertThat(getObject("user1", "/api/v3/datasets/{pid}", "run-42")).containsEntry("numberOfFiles", 3);
	}

	@Test
	void aRepeatAfterACrashReplacesTheFileListsLeftBehind() {
		var request = withFiles("group1", Requests.fileBlock(3, 100), Requests.fileBlock(2, 50));
		request.put("pid", "run-43");
		created("ingestor", "/api/v3/datasets", request);
		// as a crash after the file lists and before the dataset leaves it: file lists that no dataset names
		Mono.from(database.getCollection("Dataset").deleteOne(new Document("_id", "run-43"))).block(Duration.ofSeconds(10));
		created("ingestor", "/api/v3/datasets", request);
		var stored = Flux.from(database.getCollection("OrigDatablock").find(new Document("datasetId", "run-43")))
			.collectList().block(Duration.ofSeconds(10));
		assertThat(stored).hasSize(2);
		assertThat(getObject("user1", "/api/v3/datasets/{pid}", "run-43")).containsEntry("numberOfFiles", 5);
	}

	@Test
	void ofConcurrentCreatesOfOnePidTheRefusedOneChangesNothing() throws Exception {
		var pool = Executors.newFixedThreadPool(2);
		try {
			for (int trial = 0; trial < 20; trial++) {
				var pid = "race-" + trial;
				var bodies = List.of(withFiles("group1", Requests.fileBlock(3, 100)), withFiles("group1", Requests.fileBlock(1, 7)));
				bodies.forEach(body -> body.put("pid", pid));
				var start = new CyclicBarrier(2);
				var answers = new ArrayList<Future<Integer>>();
				for (var body : bodies) {
					answers.add(pool.submit(() -> {
						start.await();
						return post("ingestor", "/api/v3/datasets", body).returnResult(String.class).getStatus().value();
					}));
				}
				var statuses = List.of(answers.get(0).get(60, TimeUnit.SECONDS), answers.get(1).get(60, TimeUnit.SECONDS));
				assertThat(statuses).as("trial %d", trial).containsExactlyInAnyOrder(201, 409);
				int winnersFiles = statuses.get(0) == 201 ? 3 : 1;
				var blocks = getList("admin", "/api/v3/datasets/{pid}/origdatablocks", pid);
				assertThat(blocks).as("trial %d", trial).singleElement()
					.satisfies(block -> assertThat((List<?>) block.get("dataFileList")).hasSize(winnersFiles));
				assertThat(getObject("admin", "/api/v3/datasets/{pid}", pid)).containsEntry("numberOfFiles", winnersFiles);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aCreateThatACrashStoppedIsTakenOverOnceItsClaimIsStaleAndItsLeftoversCleared() {
		// as a crash halfway leaves it: the pid's claim, two file lists and no dataset
		var stale = Date.from(Instant.now().minus(Duration.ofMinutes(5)));
		Mono.from(database.getCollection("Claim").insertOne(new Document("_id", "Dataset/run-44").append("nonce", "gone")
			.append("at", stale))).block(Duration.ofSeconds(10));
		for (var id : List.of("left-1", "left-2")) {
			Mono.from(database.getCollection("OrigDatablock").insertOne(new Document("_id", id).append("datasetId", "run-44")
				.append("size", 5).append("dataFileList", List.of(new Document("path", "/old").append("size", 5)))))
				.block(Duration.ofSeconds(10));
		}
		var request = withFiles("group1", Requests.fileBlock(1, 100));
		request.put("pid", "run-44");
		created("ingestor", "/api/v3/datasets", request);
		assertThat(getList("user1", "/api/v3/datasets/{pid}/origdatablocks", "run-44")).singleElement()
			.satisfies(block -> assertThat(block.get("_id")).isNotIn("left-1", "left-2"));
		assertThat(getObject("user1", "/api/v3/datasets/{pid}", "run-44")).containsEntry("numberOfFiles", 1);
		assertThat(Flux.from(database.getCollection("Claim").find()).collectList().block(Duration.ofSeconds(10))).isEmpty();
	}

	@Test
	void onlyWhoMayAddFileListsToTheDatasetMayCreateItWithThem() {
		post("user1", "/api/v3/datasets", withFiles("group2", Requests.fileBlock(1, 1))).expectStatus().isForbidden();
		created("ingestor", "/api/v3/datasets", withFiles("group2", Requests.fileBlock(1, 1)));
		assertThat(getList("user2", "/api/v3/origdatablocks")).hasSize(1);
	}

	@Test
	void theSearchIndexSeesTheDatasetWithItsCounters() {
		created("user1", "/api/v3/datasets", withFiles("group1", Requests.fileBlock(4, 10)));
		as("user1").get().uri(uri -> uri.path("/api/v3/datasets/fullquery").queryParam("fields", "{json}")
			.queryParam("limits", "{limits}").build("{\"text\":\"run\"}", "{\"limit\":10}")).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$[0].numberOfFiles").isEqualTo(4);
	}

}
