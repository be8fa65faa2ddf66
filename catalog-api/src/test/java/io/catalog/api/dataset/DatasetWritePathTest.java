package io.catalog.api.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.http.MediaType;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.Requests;

/** Every dataset write takes the one path: a History entry for each change, and the store's size limit checked. */
class DatasetWritePathTest extends CatalogTest {

	private String dataset() {
		return (String) created("user1", "/api/v3/datasets", Requests.rawDataset("group1")).get("pid");
	}

	private List<Document> history(String pid) {
		return Flux.from(database.getCollection("History").find(new Document("documentId", pid))).collectList()
			.block(Duration.ofSeconds(10));
	}

	@Test
	void aReplaceIsRecordedInHistoryWithTheDatasetBeforeAndAfter() {
		var pid = dataset();
		var replacement = Requests.rawDataset("group1");
		replacement.put("datasetName", "renamed");
		as("user1").put().uri("/api/v3/datasets/{pid}", pid).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(replacement).exchange().expectStatus().isOk();
		assertThat(history(pid)).singleElement().satisfies(entry -> {
			assertThat(entry).containsEntry("subsystem", "Dataset").containsEntry("operation", "update")
				.containsEntry("user", "user1");
			assertThat(entry.get("before", Document.class)).containsEntry("datasetName", "run 1");
			assertThat(entry.get("after", Document.class)).containsEntry("datasetName", "renamed");
		});
	}

	@Test
	void anAppendIsRecordedInHistoryWithTheFieldBeforeAndAfter() {
		var pid = dataset();
		as("user1").post().uri("/api/v3/datasets/{pid}/appendToArrayField", pid).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("fieldName", "keywords", "data", List.of("a", "b"))).exchange().expectStatus().isOk();
		assertThat(history(pid)).singleElement().satisfies(entry -> {
			assertThat(entry).containsEntry("operation", "update").containsEntry("user", "user1");
			assertThat(entry.get("after", Document.class).get("fields", Document.class))
				.containsEntry("keywords", List.of("a", "b"));
		});
	}

	@Test
	void aReplaceOrAnAppendPastTheStoreLimitIs413AndChangesNothing() {
		var pid = dataset();
		var huge = "x".repeat(17 * 1024 * 1024);
		var replacement = Requests.rawDataset("group1");
		replacement.put("scientificMetadata", java.util.Map.of("notes", huge));
		as("user1").put().uri("/api/v3/datasets/{pid}", pid).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(replacement).exchange().expectStatus().isEqualTo(413);
		as("user1").post().uri("/api/v3/datasets/{pid}/appendToArrayField", pid).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("fieldName", "keywords", "data", List.of(huge))).exchange().expectStatus().isEqualTo(413);
		assertThat(getObject("user1", "/api/v3/datasets/{pid}", pid)).containsEntry("keywords", List.of())
			.doesNotContainKey("description");
		assertThat(history(pid)).isEmpty();
	}

}
