package io.catalog.api.datablock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.Requests;

class DatasetBlockControllerTest extends CatalogTest {

	String dataset(String group) {
		return (String) created("user1", "/api/v3/datasets", Requests.rawDataset(group)).get("pid");
	}

	static Map<String, Object> archived(String archiveId, int files) {
		var block = new HashMap<>(Requests.fileBlock(files, 100));
		block.put("archiveId", archiveId);
		block.put("packedSize", 60L * files);
		block.put("version", "2");
		return block;
	}

	@Test
	void createdBlocksCarryTheirIdAsIdAndUnderscoreId() {
		var pid = dataset("group1");
		var orig = created("user1", "/api/v3/datasets/{pid}/origdatablocks", Requests.fileBlock(1, 5), pid);
		var copy = created("user1", "/api/v3/datasets/{pid}/datablocks", archived("vault-7", 1), pid);
		assertThat(orig.get("id")).isInstanceOf(String.class).isEqualTo(orig.get("_id"));
		assertThat(copy.get("id")).isInstanceOf(String.class).isEqualTo(copy.get("_id"));
		assertThat(getList("user1", "/api/v3/datasets/{pid}/datablocks", pid)).singleElement()
			.satisfies(block -> assertThat(block).containsEntry("id", copy.get("id")));
	}

	@Test
	void theSameArchiveIdTwiceIsAConflict() {
		var pid = dataset("group1");
		created("user1", "/api/v3/datasets/{pid}/datablocks", archived("vault-9", 2), pid);
		post("user1", "/api/v3/datasets/{pid}/datablocks", archived("vault-9", 2), pid).expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("vault-9"));
		var standalone = new HashMap<>(archived("vault-9", 1));
		standalone.put("datasetId", pid);
		post("user1", "/api/v3/datablocks", standalone).expectStatus().isEqualTo(409);
		assertThat(getObject("user1", "/api/v3/datasets/{pid}", pid)).containsEntry("packedSize", 120)
			.containsEntry("numberOfFilesArchived", 2);
	}

	@Test
	void theArchiveManagerMayNotAddArchivedCopies() {
		var pid = dataset("group1");
		post("archiveManager", "/api/v3/datasets/{pid}/datablocks", archived("vault-3", 1), pid).expectStatus()
			.isForbidden();
		var standalone = new HashMap<>(archived("vault-3", 1));
		standalone.put("datasetId", pid);
		post("archiveManager", "/api/v3/datablocks", standalone).expectStatus().isForbidden();
	}

	@Test
	void anEmptyChecksumAlgorithmIsRefused() {
		var pid = dataset("group1");
		var block = new HashMap<>(Requests.fileBlock(1, 5));
		block.put("chkAlg", "");
		post("user1", "/api/v3/datasets/{pid}/origdatablocks", block, pid).expectStatus().isBadRequest().expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("chkAlg");
		assertThat(getObject("user1", "/api/v3/datasets/{pid}", pid)).containsEntry("numberOfFiles", 0);
	}

	@Test
	void blocksOfADatasetAreCounted() {
		var pid = dataset("group1");
		created("user1", "/api/v3/datasets/{pid}/origdatablocks", Requests.fileBlock(1, 5), pid);
		created("user1", "/api/v3/datasets/{pid}/origdatablocks", Requests.fileBlock(2, 5), pid);
		assertThat(getObject("user1", "/api/v3/datasets/{pid}/origdatablocks/count", pid)).containsEntry("count", 2);
		assertThat(getObject("user1", "/api/v3/datasets/{pid}/datablocks/count", pid)).containsEntry("count", 0);
		as("user4").get().uri("/api/v3/datasets/{pid}/origdatablocks/count", pid).exchange().expectStatus().isForbidden();
	}

	@Test
	void deletingAllBlocksOfADatasetEmptiesItsCounters() {
		var pid = dataset("group1");
		created("user1", "/api/v3/datasets/{pid}/origdatablocks", Requests.fileBlock(3, 10), pid);
		created("user1", "/api/v3/datasets/{pid}/origdatablocks", Requests.fileBlock(1, 10), pid);
		created("user1", "/api/v3/datasets/{pid}/datablocks", archived("vault-1", 2), pid);
		as(null).delete().uri("/api/v3/datasets/{pid}/origdatablocks", pid).exchange().expectStatus().isForbidden();
		as("user1").delete().uri("/api/v3/datasets/{pid}/origdatablocks", pid).exchange().expectStatus().isForbidden();
		as("admin").delete().uri("/api/v3/datasets/{pid}/origdatablocks", pid).exchange().expectStatus().isForbidden();
		as("archiveManager").delete().uri("/api/v3/datasets/{pid}/origdatablocks", pid).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.count").isEqualTo(2);
		as("archiveManager").delete().uri("/api/v3/datasets/{pid}/datablocks", pid).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.count").isEqualTo(1);
		assertThat(getObject("user1", "/api/v3/datasets/{pid}", pid)).containsEntry("size", 0)
			.containsEntry("numberOfFiles", 0).containsEntry("packedSize", 0).containsEntry("numberOfFilesArchived", 0);
		assertThat(getList("user1", "/api/v3/datasets/{pid}/origdatablocks", pid)).isEmpty();
	}

	@Test
	void deletingAllBlocksOfAMissingDatasetIsNotFound() {
		for (var pid : new String[] { "123", "null", "undefined" }) {
			as("archiveManager").delete().uri("/api/v3/datasets/{pid}/datablocks", pid).exchange().expectStatus()
				.isNotFound();
		}
	}

	@Test
	void aBlockChangedThroughItsDatasetKeepsTheDatasetsCountersRight() {
		var pid = dataset("group1");
		created("user1", "/api/v3/datasets/{pid}/origdatablocks", Requests.fileBlock(2, 10), pid);
		var block = created("user1", "/api/v3/datasets/{pid}/origdatablocks", Requests.fileBlock(3, 10), pid);
		patch("user1", "/api/v3/datasets/{pid}/origdatablocks/{id}", Map.of("size", 7, "dataFileList",
				Requests.fileBlock(1, 7).get("dataFileList")), pid, block.get("id")).expectStatus().isOk()
			.expectBody().jsonPath("$.size").isEqualTo(7);
		assertThat(getObject("user1", "/api/v3/datasets/{pid}", pid)).containsEntry("size", 27)
			.containsEntry("numberOfFiles", 3);
		patch("user1", "/api/v3/datasets/{pid}/origdatablocks/{id}", Map.of("datasetId", "elsewhere"), pid,
				block.get("id")).expectStatus().isBadRequest();
	}

}
