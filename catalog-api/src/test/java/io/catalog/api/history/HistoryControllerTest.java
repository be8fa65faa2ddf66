package io.catalog.api.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.Requests;

class HistoryControllerTest extends CatalogTest {

	String changedDatablock() {
		var pid = (String) created("user1", "/api/v3/datasets", Requests.rawDataset("group1")).get("pid");
		var block = new HashMap<>(Requests.fileBlock(1, 10));
		block.put("archiveId", "shelf-" + pid);
		block.put("packedSize", 8);
		block.put("version", "1");
		var id = created("user1", "/api/v3/datasets/{pid}/datablocks", block, pid).get("id");
		patch("user1", "/api/v3/datablocks/{id}", Map.of("archiveId", "shelf-2-" + pid, "size", 11), id).expectStatus()
			.isOk();
		return (String) id;
	}

	Map<String, Object> history(String username, String filter) {
		return as(username).get().uri(b -> b.path("/api/v3/history").queryParam("filter", "{f}").build(filter))
			.exchange().expectStatus().isOk().expectBody(JSON_OBJECT).returnResult().getResponseBody();
	}

	@Test
	@SuppressWarnings("unchecked")
	void anUpdateIsKeptWithTheChangedValuesBeforeAndAfter() {
		var id = changedDatablock();
		var found = history("admin", "{\"subsystem\":\"Datablock\",\"documentId\":\"" + id + "\"}");
		assertThat(found).containsEntry("count", 1).containsEntry("totalCount", 1).containsEntry("skip", 0);
		var items = (List<Map<String, Object>>) found.get("items");
		assertThat(items).singleElement().satisfies(item -> {
			assertThat(item).containsEntry("operation", "update").containsEntry("documentId", id)
				.containsEntry("user", "user1");
			var before = (Map<String, Object>) item.get("before");
			var after = (Map<String, Object>) item.get("after");
			assertThat(before).containsEntry("size", 10);
			assertThat(after).containsEntry("size", 11);
			assertThat((String) after.get("archiveId")).isEqualTo("shelf-2-" + ((String) before.get("archiveId")).substring(6));
		});
	}

	@Test
	void readersAreTheAdministratorsAndTheGroupsNamedPerSubsystem() {
		var id = changedDatablock();
		var filter = "{\"subsystem\":\"Datablock\",\"documentId\":\"" + id + "\"}";
		assertThat(history("admin", filter)).containsEntry("totalCount", 1);
		assertThat(new HistoryProperties(Map.of("datablock", List.of(" group3 "))).readGroups("Datablock"))
			.containsExactly("group3");
		as("user1").get().uri(b -> b.path("/api/v3/history").queryParam("filter", "{f}").build(filter)).exchange()
			.expectStatus().isForbidden();
		as("user3").get().uri(b -> b.path("/api/v3/history").queryParam("filter", "{f}")
			.build("{\"subsystem\":\"Dataset\"}")).exchange().expectStatus().isForbidden();
		as(null).get().uri(b -> b.path("/api/v3/history").queryParam("filter", "{f}").build(filter)).exchange()
			.expectStatus().isUnauthorized();
	}

	@Test
	void filtersNameOnlyKnownKeysAndASubsystemUnlessAnAdministratorAsks() {
		as("user3").get().uri(b -> b.path("/api/v3/history").queryParam("filter", "{f}").build("{}")).exchange()
			.expectStatus().isBadRequest();
		as("admin").get().uri(b -> b.path("/api/v3/history").queryParam("filter", "{f}")
			.build("{\"subsystem\":\"Datablock\",\"before.size\":{\"$gt\":1}}")).exchange().expectStatus()
			.isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("filter.before.size");
		as("admin").get().uri("/api/v3/history").exchange().expectStatus().isOk();
	}

}
