package io.catalog.api.datablock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.Requests;

class OrigDatablockV4ControllerTest extends CatalogTest {

	String dataset(boolean published) {
		var dataset = new HashMap<>(Requests.rawDataset("group1"));
		dataset.put("accessGroups", List.of("group3"));
		dataset.put("isPublished", published);
		return (String) created("user1", "/api/v3/datasets", dataset).get("pid");
	}

	Map<String, Object> block(String pid, int files) {
		var block = new HashMap<>(Requests.fileBlock(files, 40));
		block.put("datasetId", pid);
		block.put("ownerGroup", "someone-else");
		return block;
	}

	List<Map<String, Object>> list(String username, String path, String filter) {
		return as(username).get().uri(b -> b.path(path).queryParam("filter", "{f}").build(filter)).exchange()
			.expectStatus().isOk().expectBody(JSON_ARRAY).returnResult().getResponseBody();
	}

	@Test
	void callersWithoutCredentialsAreRefusedWith403() {
		var pid = dataset(false);
		var id = created("user1", "/api/v4/origdatablocks", block(pid, 1)).get("_id");
		post(null, "/api/v4/origdatablocks", block(pid, 1)).expectStatus().isForbidden();
		post(null, "/api/v4/origdatablocks/isValid", block(pid, 1)).expectStatus().isForbidden();
		as(null).get().uri("/api/v4/origdatablocks").exchange().expectStatus().isForbidden();
		as(null).get().uri("/api/v4/origdatablocks/{id}", id).exchange().expectStatus().isForbidden();
		patch(null, "/api/v4/origdatablocks/{id}", Map.of("size", 3), id).expectStatus().isForbidden();
		as(null).delete().uri("/api/v4/origdatablocks/{id}", id).exchange().expectStatus().isForbidden();
	}

	@Test
	void blocksTakeTheirOwnersFromTheDataset() {
		var pid = dataset(false);
		assertThat(created("user1", "/api/v4/origdatablocks", block(pid, 2))).containsEntry("ownerGroup", "group1")
			.containsEntry("accessGroups", List.of("group3"));
		post("user2", "/api/v4/origdatablocks", block(pid, 1)).expectStatus().isForbidden();
		post("user4", "/api/v4/origdatablocks", block(pid, 1)).expectStatus().isForbidden();
		var missing = block(pid, 1);
		missing.put("datasetId", "nowhere/" + pid);
		post("user1", "/api/v4/origdatablocks", missing).expectStatus().isNotFound();
	}

	@Test
	void validationAnswersWithAReason() {
		var pid = dataset(false);
		post("user1", "/api/v4/origdatablocks/isValid", block(pid, 1)).expectStatus().isOk().expectBody()
			.jsonPath("$.valid").isEqualTo(true);
		var empty = block(pid, 1);
		empty.put("dataFileList", List.of());
		post("user1", "/api/v4/origdatablocks/isValid", empty).expectStatus().isOk().expectBody()
			.jsonPath("$.valid").isEqualTo(false).jsonPath("$.reason[0].field").isEqualTo("dataFileList");
	}

	@Test
	void aBlockWithoutItsSizeIsRefusedInV4Only() {
		var pid = dataset(false);
		var unsized = block(pid, 2);
		unsized.remove("size");
		post("user1", "/api/v4/origdatablocks/isValid", unsized).expectStatus().isOk().expectBody()
			.jsonPath("$.valid").isEqualTo(false).jsonPath("$.reason[0].field").isEqualTo("size");
		post("user1", "/api/v4/origdatablocks", unsized).expectStatus().isBadRequest().expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("size");
		assertThat(created("user1", "/api/v3/origdatablocks", unsized)).containsEntry("size", 80);
	}

	@Test
	void listsIncludeTheDatasetAndKeepToTheReadRule() {
		var pid = dataset(false);
		created("user1", "/api/v4/origdatablocks", block(pid, 1));
		created("user1", "/api/v4/origdatablocks", block(pid, 2));
		var found = list("user3", "/api/v4/origdatablocks", "{\"where\":{\"datasetId\":\"" + pid
				+ "\"},\"include\":[\"all\"],\"fields\":[\"_id\",\"datasetId\",\"dataset\"],\"limits\":{\"limit\":2,\"sort\":{\"_id\":\"desc\"}}}");
		assertThat(found).hasSize(2).allSatisfy(block -> {
			assertThat(block).containsEntry("datasetId", pid).doesNotContainKey("size");
			assertThat((List<?>) block.get("dataset")).singleElement()
				.satisfies(d -> assertThat(((Map<?, ?>) d).get("pid")).isEqualTo(pid));
		});
		assertThat((String) found.get(0).get("_id")).isGreaterThan((String) found.get(1).get("_id"));
		assertThat(list("user2", "/api/v4/origdatablocks", "{}")).isEmpty();
		as("user1").get().uri(b -> b.path("/api/v4/origdatablocks").queryParam("filter", "{f}")
			.build("{\"customField\":{\"datasetId\":\"x\"}}")).exchange().expectStatus().isBadRequest();
	}

	@Test
	void oneBlockComesWithItsDatasetWhenAskedFor() {
		var pid = dataset(false);
		var id = created("user1", "/api/v4/origdatablocks", block(pid, 1)).get("_id");
		as("user3").get().uri("/api/v4/origdatablocks/{id}?include=dataset", id).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$._id").isEqualTo(id).jsonPath("$.dataset[0].pid").isEqualTo(pid);
		as("user2").get().uri("/api/v4/origdatablocks/{id}", id).exchange().expectStatus().isForbidden();
		as("user1").get().uri("/api/v4/origdatablocks/{id}?include=samples", id).exchange().expectStatus()
			.isBadRequest();
	}

	@Test
	void ownersChangeBlocksAndOnlyTheDeleteGroupsDeleteThem() {
		var pid = dataset(false);
		var id = created("user1", "/api/v4/origdatablocks", block(pid, 1)).get("_id");
		patch("user1", "/api/v4/origdatablocks/{id}", Map.of("size", 500), id).expectStatus().isOk().expectBody()
			.jsonPath("$.size").isEqualTo(500);
		patch("user3", "/api/v4/origdatablocks/{id}", Map.of("size", 400), id).expectStatus().isForbidden();
		assertThat(getObject("user1", "/api/v3/datasets/{pid}", pid)).containsEntry("size", 500);
		for (var refused : new String[] { "user1", "admin" }) {
			as(refused).delete().uri("/api/v4/origdatablocks/{id}", id).exchange().expectStatus().isForbidden();
		}
		as("archiveManager").delete().uri("/api/v4/origdatablocks/{id}", id).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$._id").isEqualTo(id).jsonPath("$.datasetId").isEqualTo(pid);
		assertThat(getObject("user1", "/api/v3/datasets/{pid}", pid)).containsEntry("size", 0);
	}

	@Test
	void thePublicListShowsPublishedBlocksToAnyone() {
		var hidden = dataset(false);
		created("user1", "/api/v4/origdatablocks", block(hidden, 1));
		var shown = dataset(true);
		var id = created("user1", "/api/v4/origdatablocks", block(shown, 1)).get("_id");
		assertThat(list(null, "/api/v4/origdatablocks/public", "{\"include\":[\"dataset\"]}")).singleElement()
			.satisfies(block -> assertThat(block).containsEntry("datasetId", shown).containsKey("dataset"));
		as(null).get().uri("/api/v4/origdatablocks/public/{id}", id).exchange().expectStatus().isOk();
		var other = list("user1", "/api/v4/origdatablocks", "{\"where\":{\"datasetId\":\"" + hidden + "\"}}");
		as(null).get().uri("/api/v4/origdatablocks/public/{id}", other.get(0).get("_id")).exchange().expectStatus()
			.isNotFound();
	}

}
