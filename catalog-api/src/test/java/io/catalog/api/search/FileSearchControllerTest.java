package io.catalog.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

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

	@Test
	@SuppressWarnings("unchecked")
	void fileFacetsCountReadableBlocksAndTheirFiles() {
		datasetWithFiles("group1", 3);
		datasetWithFiles("group1", 2);
		datasetWithFiles("group2", 4);
		var facets = as("user1").get().uri(b -> b.path("/api/v3/origdatablocks/fullfacet/files")
			.queryParam("fields", "{f}").queryParam("facets", "{k}").build("{}", "[\"ownerGroup\"]"))
			.exchange().expectStatus().isOk().expectBody(JSON_ARRAY).returnResult().getResponseBody().get(0);
		assertThat((List<Map<String, Object>>) facets.get("ownerGroup")).containsExactly(Map.of("_id", "group1", "count", 2));
		assertThat((List<Map<String, Object>>) facets.get("all")).containsExactly(Map.of("totalSets", 5));
	}

}
