package io.catalog.api.datablock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.Requests;

class FileSearchControllerTest extends CatalogTest {

	List<Map<String, Object>> files(String username, String fields, String limits) {
		return as(username).get().uri(b -> b.path("/api/v3/origdatablocks/fullquery/files").queryParam("fields", "{f}")
			.queryParam("limits", "{l}").build(fields, limits)).exchange().expectStatus().isOk().expectBody(JSON_ARRAY)
			.returnResult().getResponseBody();
	}

	String datasetWithFiles(String ownerGroup, int files) {
		var pid = (String) created("admin", "/api/v3/datasets", Requests.rawDataset(ownerGroup)).get("pid");
		var block = new HashMap<>(Requests.fileBlock(files, 10));
		block.put("datasetId", pid);
		block.put("ownerGroup", ownerGroup);
		created("admin", "/api/v3/origdatablocks", block);
		return pid;
	}

	@Test
	@SuppressWarnings("unchecked")
	void filesAreListedOneByOneWithTheirBlock() {
		var pid = datasetWithFiles("group1", 3);
		var found = files("user1", "{\"text\":\"FILE1\"}", "{\"limit\":10}");
		assertThat(found).hasSize(1);
		assertThat(found.get(0)).containsEntry("datasetId", pid);
		assertThat((Map<String, Object>) found.get(0).get("dataFileList")).containsEntry("path", "/data/run1/file1.h5");
	}

	@Test
	void filesFollowTheReadRuleAndThePage() {
		datasetWithFiles("group1", 5);
		assertThat(files("user1", "{}", "{\"limit\":2,\"skip\":1}")).hasSize(2);
		assertThat(files("user2", "{}", "{\"limit\":10}")).isEmpty();
	}

	List<Map<String, Object>> blocks(String username, String fields) {
		return as(username).get().uri(b -> b.path("/api/v3/origdatablocks/fullquery").queryParam("fields", "{f}")
			.build(fields)).exchange().expectStatus().isOk().expectBody(JSON_ARRAY).returnResult().getResponseBody();
	}

	@Test
	void blocksAreFoundByAFilePathOrAPattern() {
		var pid = datasetWithFiles("group1", 3);
		datasetWithFiles("group1", 1);
		assertThat(blocks("user1", "{\"datasetId\":\"" + pid + "\",\"dataFileList.path\":\"/data/run1/file2.h5\"}"))
			.singleElement().satisfies(block -> assertThat(block).containsEntry("datasetId", pid).containsKey("id"));
		assertThat(blocks("user1", "{\"dataFileList.path\":{\"$regex\":\"file0\"}}")).hasSize(2);
		assertThat(blocks("user1", "{\"dataFileList.path\":\"/nowhere.h5\"}")).isEmpty();
		assertThat(blocks("user2", "{\"dataFileList.path\":{\"$regex\":\"file0\"}}")).isEmpty();
		as("user1").get().uri(b -> b.path("/api/v3/origdatablocks/fullquery").queryParam("fields", "{f}")
			.build("{\"size\":{\"$where\":\"sleep(1000)\"}}")).exchange().expectStatus().isBadRequest();
	}

	@Test
	void eachFileSaysWhetherItsDatasetStillExists() {
		var pid = datasetWithFiles("group1", 2);
		assertThat(files("user1", "{}", "{}")).hasSize(2).allSatisfy(file -> assertThat(file).containsEntry("datasetExist", true));
		Mono.from(database.getCollection("Dataset").deleteOne(new Document("_id", pid))).block();
		assertThat(files("user1", "{}", "{}")).allSatisfy(file -> assertThat(file).containsEntry("datasetExist", false));
	}

	@Test
	@SuppressWarnings("unchecked")
	void facetsCountBlocksOrFilesPerValue() {
		datasetWithFiles("group1", 2);
		datasetWithFiles("group1", 3);
		datasetWithFiles("group2", 1);
		var blocks = facets("admin", "/api/v3/origdatablocks/fullfacet");
		assertThat((List<Map<String, Object>>) blocks.get("ownerGroup")).containsExactly(
				Map.of("_id", "group2", "count", 1), Map.of("_id", "group1", "count", 2));
		assertThat((List<Map<String, Object>>) blocks.get("all")).containsExactly(Map.of("totalSets", 3));
		var files = facets("user1", "/api/v3/origdatablocks/fullfacet/files");
		assertThat((List<Map<String, Object>>) files.get("all")).containsExactly(Map.of("totalSets", 5));
	}

	Map<String, Object> facets(String username, String path) {
		var answer = as(username).get().uri(b -> b.path(path).queryParam("facets", "{f}").build("[\"ownerGroup\"]"))
			.exchange().expectStatus().isOk().expectBody(JSON_ARRAY).returnResult().getResponseBody();
		assertThat(answer).hasSize(1);
		return answer.get(0);
	}

}
