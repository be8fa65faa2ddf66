package io.catalog.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.Requests;

/** Job reads that merge datasets: {@code include} with {@code fields}, and {@code /jobs/datasetDetails}. */
class JobReadsTest extends CatalogTest {

	private String dataset(String ownerGroup, boolean published) {
		var body = new HashMap<>(Requests.rawDataset(ownerGroup));
		body.put("isPublished", published);
		return (String) created("ingestor", "/api/v3/datasets", body).get("pid");
	}

	private Object job(String user, String type, String ownerGroup, String pid) {
		return created(user, "/api/v4/jobs", Map.of("type", type, "ownerGroup", ownerGroup, "jobParams",
				Map.of("datasetList", List.of(Map.of("pid", pid, "files", List.of()))))).get("id");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> listOf(Map<String, Object> job, String key) {
		return (List<Map<String, Object>>) job.get(key);
	}

	@Test
	void anIncludeOfAnotherRelationIs400InSciCatsWordsNamingTheFilter() {
		as("user1").get().uri("/api/v4/jobs?filter={f}", "{\"include\":[\"datasets\",\"datasets.datablocks\"]}")
			.exchange().expectStatus().isBadRequest().expectBody()
			.jsonPath("$.message").isEqualTo("The 'include' filter must contain 'datasets' — it’s currently the only "
					+ "collection that can be merged. To include related data, add use Jobs/v4/datasetDetails endpoint")
			.jsonPath("$.errors[0].field").isEqualTo("filter.include");
	}

	@Test
	void aFieldWithAnEmptyPartIs400NamingTheFilter() {
		for (var path : List.of("/api/v3/jobs?filter={f}", "/api/v4/jobs?filter={f}")) {
			as("user1").get().uri(path, "{\"fields\":[\"a..b\"]}").exchange().expectStatus().isBadRequest()
				.expectBody().jsonPath("$.errors[0].field").isEqualTo("filter.fields");
		}
	}

	@Test
	void fieldsOfTheIncludedDatasetsKeepTheDatasetsTheJobLists() {
		var pid = dataset("group1", false);
		var id = job("user1", "archive", "group1", pid);

		for (var include : List.of("datasets", "all")) {
			var filter = "{\"include\":[\"" + include + "\"],\"fields\":[\"id\",\"type\",\"datasets.pid\"]}";
			var jobs = getList("user1", "/api/v4/jobs?filter={f}", filter);

			assertThat(jobs).hasSize(1);
			assertThat(jobs.get(0)).containsEntry("id", id).containsOnlyKeys("id", "type", "datasets");
			assertThat(listOf(jobs.get(0), "datasets")).containsExactly(Map.of("pid", pid));
		}
	}

	@Test
	void datasetDetailsShowEveryFieldOfTheJob() {
		var pid = dataset("group1", false);
		job("user1", "archive", "group1", pid);

		var jobs = getList("user1", "/api/v4/jobs/datasetDetails");

		assertThat(jobs.get(0)).containsKeys("createdBy", "updatedBy", "createdAt", "updatedAt", "ownerGroup",
				"accessGroups", "id", "ownerUser", "type", "statusCode", "statusMessage", "jobParams", "contactEmail",
				"configVersion", "jobResultObject", "datasetDetails").containsEntry("isPublished", false);
		var fields = "{\"fields\":[\"id\",\"datasetDetails.pid\",\"datasetDetails.origdatablocks._id\"]}";
		var projected = getList("user1", "/api/v4/jobs/datasetDetails?filter={f}", fields);
		assertThat(projected.get(0)).containsOnlyKeys("id", "datasetDetails");
		assertThat(listOf(projected.get(0), "datasetDetails")).extracting(d -> d.get("pid")).containsExactly(pid);
	}

	@Test
	void datasetDetailsShowV4AttachmentsAndFileListsOnlyToTheDatasetsGroups() {
		var pid = dataset("group1", true);
		created("user1", "/api/v3/datasets/{pid}/origdatablocks", Requests.fileBlock(1, 10), pid);
		var aid = created("user1", "/api/v4/attachments", Map.of("caption", "c", "isPublished", true, "ownerGroup",
				"group1", "relationships", List.of(Map.of("targetId", pid, "targetType", "dataset")))).get("aid");
		job("user1", "public", "group1", pid);
		job("user3", "public", "group3", pid);

		var member = listOf(getList("user1", "/api/v4/jobs/datasetDetails").get(0), "datasetDetails").get(0);
		assertThat(listOf(member, "origdatablocks")).hasSize(1);
		assertThat(listOf(member, "attachments")).extracting(a -> a.get("_id")).containsExactly(aid);

		var outsider = listOf(getList("user3", "/api/v4/jobs/datasetDetails").get(0), "datasetDetails").get(0);
		assertThat(outsider).containsEntry("pid", pid);
		assertThat(listOf(outsider, "origdatablocks")).isEmpty();
		assertThat(listOf(outsider, "attachments")).hasSize(1);
	}

}
