package io.catalog.api.datablock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.Requests;

class FileBlocksTest extends CatalogTest {

	String dataset(String owner, String group) {
		return (String) created(owner, "/api/v3/Datasets", Requests.rawDataset(group)).get("pid");
	}

	@Test
	void origDatablockAddsToDatasetSizeAndFileCount() {
		var pid = dataset("user1", "group1");
		var block = created("user1", "/api/v3/Datasets/{pid}/OrigDatablocks", Requests.fileBlock(3, 100), pid);
		assertThat(block).containsEntry("datasetId", pid).containsEntry("ownerGroup", "group1");
		created("user1", "/api/v3/datasets/{pid}/origdatablocks", Requests.fileBlock(2, 50), pid);
		assertThat(getObject("user1", "/api/v3/datasets/{pid}", pid)).containsEntry("size", 400)
			.containsEntry("numberOfFiles", 5);
		assertThat(getList("user1", "/api/v3/datasets/{pid}/origdatablocks", pid)).hasSize(2);
	}

	@Test
	void deletingABlockTakesItsFilesOffTheDataset() {
		var pid = dataset("user1", "group1");
		var block = created("user1", "/api/v3/datasets/{pid}/origdatablocks", Requests.fileBlock(3, 100), pid);
		created("user1", "/api/v3/datasets/{pid}/origdatablocks", Requests.fileBlock(1, 7), pid);
		as("user1").delete().uri("/api/v3/datasets/{pid}/origdatablocks/{id}", pid, block.get("_id")).exchange()
			.expectStatus().isForbidden();
		as("archiveManager").delete().uri("/api/v3/datasets/{pid}/origdatablocks/{id}", pid, block.get("_id"))
			.exchange().expectStatus().isOk();
		assertThat(getObject("user1", "/api/v3/datasets/{pid}", pid)).containsEntry("size", 7)
			.containsEntry("numberOfFiles", 1);
	}

	@Test
	void patchingTheFileListAdjustsTheDataset() {
		var pid = dataset("user1", "group1");
		var block = created("user1", "/api/v3/datasets/{pid}/origdatablocks", Requests.fileBlock(3, 100), pid);
		patch("user1", "/api/v3/origdatablocks/{id}", Requests.fileBlock(1, 10), block.get("_id")).expectStatus().isOk();
		assertThat(getObject("user1", "/api/v3/datasets/{pid}", pid)).containsEntry("size", 10)
			.containsEntry("numberOfFiles", 1);
	}

	@Test
	void standaloneRouteNeedsTheDatasetAndTheRightToChangeIt() {
		var pid = dataset("user1", "group1");
		var body = new HashMap<>(Requests.fileBlock(2, 10));
		post("user1", "/api/v3/origdatablocks", body).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("datasetId");
		body.put("datasetId", pid);
		post("user2", "/api/v3/origdatablocks", body).expectStatus().isForbidden();
		post(null, "/api/v3/origdatablocks", body).expectStatus().isUnauthorized();
		body.put("datasetId", "missing");
		post("user1", "/api/v3/origdatablocks", body).expectStatus().isNotFound();
		body.put("datasetId", pid);
		assertThat(created("ingestor", "/api/v3/origdatablocks", body)).containsEntry("ownerGroup", "group1");
	}

	@Test
	void blocksFollowTheirDatasetsReadRule() {
		var pid = dataset("user1", "group1");
		created("user1", "/api/v3/datasets/{pid}/origdatablocks", Requests.fileBlock(1, 1), pid);
		assertThat(getList("user1", "/api/v3/origdatablocks")).hasSize(1);
		assertThat(getList("user2", "/api/v3/origdatablocks")).isEmpty();
		assertThat(getList(null, "/api/v3/origdatablocks")).isEmpty();
		as("user2").get().uri("/api/v3/datasets/{pid}/origdatablocks", pid).exchange().expectStatus().isForbidden();
	}

	@Test
	void badFilesAreNamedAndNothingIsWritten() {
		var pid = dataset("user1", "group1");
		var block = Map.of("size", 1, "dataFileList", List.of(Map.of("path", "/a", "size", "x")));
		post("user1", "/api/v3/datasets/{pid}/origdatablocks", block, pid).expectStatus().isBadRequest().expectBody()
			.jsonPath("$.errors[?(@.field == 'dataFileList[0].size')]").exists()
			.jsonPath("$.errors[?(@.field == 'dataFileList[0].time')]").exists();
		post("user1", "/api/v3/datasets/{pid}/origdatablocks", Map.of("size", 0, "dataFileList", List.of()), pid)
			.expectStatus().isBadRequest();
		assertThat(getList("user1", "/api/v3/origdatablocks")).isEmpty();
		assertThat(getObject("user1", "/api/v3/datasets/{pid}", pid)).containsEntry("numberOfFiles", 0);
	}

	@Test
	void aFileListOverMongoDbsLimitIsRefusedWithAdviceToSplit() {
		var pid = dataset("user1", "group1");
		post("user1", "/api/v3/datasets/{pid}/origdatablocks", Requests.fileBlock(170_000, 1), pid)
			.expectStatus().isEqualTo(413).expectBody().jsonPath("$.detail").value(detail ->
					assertThat((String) detail).contains("split dataFileList"));
		assertThat(getObject("user1", "/api/v3/datasets/{pid}", pid)).containsEntry("numberOfFiles", 0);
	}

	@Test
	void datablocksCountTheArchivedCopy() {
		var pid = dataset("user1", "group1");
		var block = new HashMap<>(Requests.fileBlock(2, 100));
		block.put("archiveId", "tape-1");
		block.put("packedSize", 150);
		block.put("version", "1");
		post("archiveManager", "/api/v3/datasets/{pid}/datablocks", block, pid).expectStatus().isForbidden();
		created("user1", "/api/v3/datasets/{pid}/datablocks", block, pid);
		assertThat(getObject("user1", "/api/v3/datasets/{pid}", pid)).containsEntry("packedSize", 150)
			.containsEntry("numberOfFilesArchived", 2).containsEntry("size", 0);
		assertThat(getList("user1", "/api/v3/datasets/{pid}/datablocks", pid)).singleElement()
			.satisfies(b -> assertThat(b).containsEntry("archiveId", "tape-1"));
		block.remove("archiveId");
		post("user1", "/api/v3/datasets/{pid}/datablocks", block, pid).expectStatus().isBadRequest();
	}

	@Test
	void includeEmbedsFileListsInDatasetQueries() {
		var pid = dataset("user1", "group1");
		created("user1", "/api/v3/datasets/{pid}/origdatablocks", Requests.fileBlock(2, 1), pid);
		var found = as("user1").get().uri(b -> b.path("/api/v3/datasets").queryParam("filter", "{f}")
			.build("{\"include\":[{\"relation\":\"origdatablocks\"}]}")).exchange().expectStatus().isOk()
			.expectBody(JSON_ARRAY).returnResult().getResponseBody();
		assertThat(found).singleElement().satisfies(d -> assertThat((List<?>) d.get("origdatablocks")).hasSize(1));
	}

	@Test
	void deletingADatasetDeletesItsFileLists() {
		var pid = dataset("user1", "group1");
		created("user1", "/api/v3/datasets/{pid}/origdatablocks", Requests.fileBlock(2, 1), pid);
		as("archiveManager").delete().uri("/api/v3/datasets/{pid}", pid).exchange().expectStatus().isOk();
		assertThat(getList("admin", "/api/v3/origdatablocks")).isEmpty();
	}

	@Test
	void olderClientsMaySendTheDatasetAndOwnerInTheBody() {
		var pid = dataset("user1", "group1");
		var block = new HashMap<>(Requests.fileBlock(1, 3));
		block.put("datasetId", pid);
		block.put("ownerGroup", "group2");
		block.put("accessGroups", List.of("group4"));
		assertThat(created("user1", "/api/v3/datasets/{pid}/origdatablocks", block, pid))
			.containsEntry("ownerGroup", "group1").containsEntry("accessGroups", List.of());
		block.put("datasetId", "another");
		post("user1", "/api/v3/datasets/{pid}/origdatablocks", block, pid).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("datasetId");
	}

}
