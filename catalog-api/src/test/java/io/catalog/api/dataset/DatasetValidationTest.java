package io.catalog.api.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.Requests;

/** Bodies the catalog must refuse, each naming the field: owner groups, trailing garbage, sizes, far years. */
class DatasetValidationTest extends CatalogTest {

	private String dataset() {
		return (String) created("user1", "/api/v3/datasets", Requests.rawDataset("group1")).get("pid");
	}

	@Test
	void anOwnerGroupCannotBeRemoved() {
		var pid = dataset();
		var none = new HashMap<String, Object>();
		none.put("ownerGroup", null);
		patch("user1", "/api/v3/datasets/{pid}", none, pid).expectStatus().isBadRequest().expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("ownerGroup");
		patch("user1", "/api/v3/datasets/{pid}", Map.of("ownerGroup", ""), pid).expectStatus().isBadRequest();
		assertThat(getObject("user1", "/api/v3/datasets/{pid}", pid)).containsEntry("ownerGroup", "group1");
	}

	@Test
	void aDatasetGoesOnlyToAGroupOfTheCallers() {
		var pid = dataset();
		patch("user1", "/api/v3/datasets/{pid}", Map.of("ownerGroup", "group2"), pid).expectStatus().isForbidden();
		var replacement = Requests.rawDataset("group2");
		as("user1").put().uri("/api/v3/datasets/{pid}", pid).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(replacement).exchange().expectStatus().isForbidden();
		assertThat(getObject("user1", "/api/v3/datasets/{pid}", pid)).containsEntry("ownerGroup", "group1");
		patch("user5", "/api/v3/datasets/{pid}", Map.of("ownerGroup", "group4"), pid).expectStatus().isOk();
		patch("admin", "/api/v3/datasets/{pid}", Map.of("ownerGroup", "group3"), pid).expectStatus().isOk();
	}

	@Test
	void aBodyWithAnythingAfterItsJsonIs400() {
		var json = "{\"type\":\"raw\",\"ownerGroup\":\"group1\",\"owner\":\"Ada\",\"contactEmail\":\"a@b.c\","
				+ "\"sourceFolder\":\"/d\",\"creationTime\":\"2026-01-01T00:00:00Z\",\"principalInvestigator\":\"Ada\","
				+ "\"creationLocation\":\"/PSI\"}";
		as("user1").post().uri("/api/v3/datasets").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json + " {\"ownerGroup\":\"group2\"}").exchange().expectStatus().isBadRequest()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		as("user1").post().uri("/api/v3/datasets").contentType(MediaType.APPLICATION_JSON).bodyValue(json + "garbage")
			.exchange().expectStatus().isBadRequest();
		assertThat(getList("admin", "/api/v3/datasets")).isEmpty();
	}

	@Test
	void sizesAndFileCountsCannotBeNegative() {
		var negative = new HashMap<>(Requests.rawDataset("group1"));
		negative.put("size", -1);
		post("user1", "/api/v3/datasets", negative).expectStatus().isBadRequest().expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("size");
		var pid = dataset();
		patch("user1", "/api/v3/datasets/{pid}", Map.of("numberOfFiles", -3), pid).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("numberOfFiles");
		var files = Map.of("dataFileList", List.of(Map.of("path", "/a", "size", -5, "time", "2026-01-01T00:00:00Z")));
		post("user1", "/api/v3/datasets/{pid}/origdatablocks", files, pid).expectStatus().isBadRequest().expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("dataFileList[0].size");
	}

	@Test
	void datesPastTheYear9999AreRefused() {
		for (var far : List.of("10000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "+275760-09-13T00:00:00Z")) {
			var dataset = new HashMap<>(Requests.rawDataset("group1"));
			dataset.put("creationTime", far);
			post("user1", "/api/v3/datasets", dataset).expectStatus().isBadRequest().expectBody()
				.jsonPath("$.errors[0].field").isEqualTo("creationTime");
		}
		var latest = new HashMap<>(Requests.rawDataset("group1"));
		latest.put("creationTime", "9999-12-31T23:59:59Z");
		created("user1", "/api/v3/datasets", latest);
	}

}
