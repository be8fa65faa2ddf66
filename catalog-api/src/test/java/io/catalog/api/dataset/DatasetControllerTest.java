package io.catalog.api.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.Requests;

class DatasetControllerTest extends CatalogTest {

	static Map<String, Object> raw(String ownerGroup) {
		return Requests.rawDataset(ownerGroup);
	}

	Map<String, Object> create(String username, Map<String, Object> dataset) {
		return as(username).post().uri("/api/v3/Datasets").contentType(MediaType.APPLICATION_JSON).bodyValue(dataset)
			.exchange().expectStatus().isCreated().expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			}).returnResult().getResponseBody();
	}

	List<Map<String, Object>> list(String username, String filter) {
		return as(username).get().uri(b -> b.path("/api/v3/datasets").queryParam("filter", "{filter}").build(filter))
			.exchange().expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			}).returnResult().getResponseBody();
	}

	@Test
	void createdDatasetGetsPrefixedPidAndLifecycleDefaults() {
		var created = create("user1", raw("group1"));
		assertThat((String) created.get("pid")).startsWith("test.prefix/");
		assertThat(created.get("_id")).isEqualTo(created.get("pid"));
		assertThat(created.get("sourceFolder")).isEqualTo("/data/run1");
		assertThat(created).containsEntry("size", 0).containsEntry("numberOfFiles", 0).containsEntry("createdBy", "user1");
		@SuppressWarnings("unchecked")
		var lifecycle = (Map<String, Object>) created.get("datasetlifecycle");
		assertThat(lifecycle).containsEntry("archivable", true).containsEntry("retrievable", false)
			.containsEntry("archiveStatusMessage", "datasetCreated");
	}

	@Test
	void datasetIsReadableByOwnerGroupAndHiddenFromOthers() {
		var pid = (String) create("user1", raw("group1")).get("pid");
		as("user1").get().uri("/api/v3/Datasets/{pid}", pid).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.datasetName").isEqualTo("run 1");
		as("user2").get().uri("/api/v3/datasets/{pid}", pid).exchange().expectStatus().isForbidden();
		as(null).get().uri("/api/v3/datasets/{pid}", pid).exchange().expectStatus().isForbidden();
		assertThat(list("user2", "{}")).isEmpty();
		assertThat(list(null, "{}")).isEmpty();
		assertThat(list("admin", "{}")).hasSize(1);
		assertThat(list("archiveManager", "{}")).hasSize(1);
	}

	@Test
	void accessGroupsAndPublishedDatasetsAreReadable() {
		var shared = raw("group1");
		shared.put("accessGroups", List.of("group2"));
		create("user1", shared);
		var published = raw("group1");
		published.put("isPublished", true);
		create("user1", published);
		assertThat(list("user2", "{}")).hasSize(2);
		assertThat(list("user4", "{}")).hasSize(1);
		assertThat(list(null, "{}")).singleElement().satisfies(d -> assertThat(d).containsEntry("isPublished", true));
	}

	@Test
	void missingDatasetIs404() {
		as("admin").get().uri("/api/v3/datasets/nope").exchange().expectStatus().isNotFound();
	}

	@Test
	void creatingForAnotherGroupIsForbiddenUnlessPrivileged() {
		as("user1").post().uri("/api/v3/datasets").contentType(MediaType.APPLICATION_JSON).bodyValue(raw("group2"))
			.exchange().expectStatus().isForbidden();
		create("ingestor", raw("group2"));
		as(null).post().uri("/api/v3/datasets").contentType(MediaType.APPLICATION_JSON).bodyValue(raw("group1"))
			.exchange().expectStatus().isUnauthorized();
	}

	@Test
	void choosingThePidNeedsTheWithPidGroup() {
		var withPid = raw("group1");
		withPid.put("pid", "test.prefix/chosen-1");
		as("user1").post().uri("/api/v3/datasets").contentType(MediaType.APPLICATION_JSON).bodyValue(withPid)
			.exchange().expectStatus().isForbidden();
		var mine = raw("group2");
		mine.put("pid", "test.prefix/chosen-2");
		assertThat(create("user2", mine)).containsEntry("pid", "test.prefix/chosen-2");
	}

	@Test
	void duplicatePidIsConflict() {
		var dataset = raw("group2");
		dataset.put("pid", "test.prefix/dup");
		create("ingestor", dataset);
		as("ingestor").post().uri("/api/v3/datasets").contentType(MediaType.APPLICATION_JSON).bodyValue(dataset)
			.exchange().expectStatus().isEqualTo(409);
		assertThat(list("admin", "{}")).hasSize(1);
	}

	@Test
	void missingRequiredFieldsAreNamed() {
		var dataset = raw("group1");
		dataset.remove("principalInvestigator");
		dataset.put("size", "big");
		as("user1").post().uri("/api/v3/datasets").contentType(MediaType.APPLICATION_JSON).bodyValue(dataset)
			.exchange().expectStatus().isBadRequest()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'principalInvestigator')]").exists()
			.jsonPath("$.errors[?(@.field == 'size')].reason").isEqualTo("must be a number of at least 0");
		assertThat(list("admin", "{}")).isEmpty();
	}

	@Test
	void unknownFieldsAndWrongTypeAreRefused() {
		var dataset = raw("group1");
		dataset.put("history", Map.of());
		as("user1").post().uri("/api/v3/datasets").contentType(MediaType.APPLICATION_JSON).bodyValue(dataset)
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("history");
		var wrongType = raw("group1");
		wrongType.put("type", "base");
		as("user1").post().uri("/api/v3/datasets").contentType(MediaType.APPLICATION_JSON).bodyValue(wrongType)
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("type");
	}

	@Test
	void malformedJsonIsBadRequest() {
		as("user1").post().uri("/api/v3/datasets").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"type\": ")
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.status").isEqualTo(400);
	}

	@Test
	void derivedDatasetNeedsItsOwnFields() {
		var derived = new HashMap<>(raw("group1"));
		derived.remove("principalInvestigator");
		derived.remove("creationLocation");
		derived.put("type", "derived");
		as("user1").post().uri("/api/v3/datasets").contentType(MediaType.APPLICATION_JSON).bodyValue(derived)
			.exchange().expectStatus().isBadRequest().expectBody()
			.jsonPath("$.errors[?(@.field == 'investigator')]").exists();
		derived.put("investigator", "Ada");
		derived.put("inputDatasets", List.of("test.prefix/raw-1"));
		derived.put("usedSoftware", List.of("https://git.example/reduce"));
		assertThat(create("user1", derived)).containsEntry("type", "derived");
	}

	@Test
	void isValidAnswersWithoutStoring() {
		as("user1").post().uri("/api/v3/datasets/isValid").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(raw("group1")).exchange().expectStatus().isOk().expectBody().jsonPath("$.valid").isEqualTo(true);
		var bad = raw("group1");
		bad.remove("owner");
		as("user1").post().uri("/api/v3/datasets/isValid").contentType(MediaType.APPLICATION_JSON).bodyValue(bad)
			.exchange().expectStatus().isOk().expectBody().jsonPath("$.valid").isEqualTo(false);
		assertThat(list("admin", "{}")).isEmpty();
	}

	@Test
	void patchChangesFieldsAndKeepsHistory() {
		var pid = (String) create("user1", raw("group1")).get("pid");
		as("user1").patch().uri("/api/v3/datasets/{pid}", pid).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("description", "better", "keywords", List.of("tomography")))
			.exchange().expectStatus().isOk().expectBody().jsonPath("$.description").isEqualTo("better")
			.jsonPath("$.updatedBy").isEqualTo("user1");
		as("user2").patch().uri("/api/v3/datasets/{pid}", pid).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("description", "mine now")).exchange().expectStatus().isForbidden();
		as("user1").patch().uri("/api/v3/datasets/{pid}", pid).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("creationTime", "yesterday")).exchange().expectStatus().isBadRequest();
		var history = reactor.core.publisher.Flux.from(database.getCollection("History")
			.find(new org.bson.Document("documentId", pid))).collectList().block();
		assertThat(history).singleElement().satisfies(h -> assertThat(h.get("user")).isEqualTo("user1"));
	}

	@Test
	void lifecycleIsUpdatedByTheArchiveManager() {
		var pid = (String) create("user1", raw("group1")).get("pid");
		as("archiveManager").patch().uri("/api/v3/datasets/{pid}/datasetlifecycle", pid)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("archivable", false, "archiveStatusMessage", "started")).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.datasetlifecycle.archivable").isEqualTo(false)
			.jsonPath("$.datasetlifecycle.archiveStatusMessage").isEqualTo("started")
			.jsonPath("$.datasetlifecycle.retrievable").isEqualTo(false);
		as("user4").patch().uri("/api/v3/datasets/{pid}/datasetlifecycle", pid).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("archivable", true)).exchange().expectStatus().isForbidden();
	}

	@Test
	void appendToArrayFieldAddsEachValueOnce() {
		var pid = (String) create("user1", raw("group1")).get("pid");
		as("user1").post().uri(b -> b.path("/api/v3/datasets/{pid}/appendToArrayField")
			.queryParam("fieldName", "keywords").queryParam("data", "{data}").build(pid, "[\"a\",\"b\"]"))
			.exchange().expectStatus().isOk();
		as("user1").post().uri("/api/v3/datasets/{pid}/appendToArrayField", pid).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("fieldName", "keywords", "data", List.of("b", "c"))).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.keywords.length()").isEqualTo(3);
		as("user1").post().uri("/api/v3/datasets/{pid}/appendToArrayField", pid).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("fieldName", "owner", "data", List.of("x"))).exchange().expectStatus().isBadRequest();
	}

	@Test
	void deleteNeedsTheDeleteGroup() {
		var pid = (String) create("user1", raw("group1")).get("pid");
		as("user1").delete().uri("/api/v3/datasets/{pid}", pid).exchange().expectStatus().isForbidden();
		as("archiveManager").delete().uri("/api/v3/datasets/{pid}", pid).exchange().expectStatus().isOk();
		as("admin").get().uri("/api/v3/datasets/{pid}", pid).exchange().expectStatus().isNotFound();
	}

	@Test
	void replaceKeepsPidAndCreationStamps() {
		var created = create("user1", raw("group1"));
		var replacement = raw("group1");
		replacement.put("datasetName", "renamed");
		as("user1").put().uri("/api/v3/datasets/{pid}", created.get("pid")).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(replacement).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.datasetName").isEqualTo("renamed")
			.jsonPath("$.createdAt").isEqualTo(created.get("createdAt"))
			.jsonPath("$.pid").isEqualTo(created.get("pid"));
	}

	@Test
	void countTakesEveryOperator() {
		create("user1", raw("group1"));
		as("user1").get().uri(b -> b.path("/api/v3/datasets/count").queryParam("filter", "{f}")
			.build("{\"where\":{\"datasetName\":{\"like\":\"run\"},\"creationTime\":{\"gt\":\"2026-01-01\"}}}"))
			.exchange().expectStatus().isOk().expectBody().jsonPath("$.count").isEqualTo(1);
	}

	@Test
	void countAndFindOneFollowTheReadRule() {
		create("user1", raw("group1"));
		create("user2", raw("group2"));
		as("user1").get().uri("/api/v3/datasets/count").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.count").isEqualTo(1);
		as("admin").get().uri("/api/v3/datasets/count").exchange().expectBody().jsonPath("$.count").isEqualTo(2);
		as("user2").get().uri(b -> b.path("/api/v3/datasets/findOne").queryParam("filter", "{f}")
			.build("{\"where\":{\"ownerGroup\":\"group2\"}}")).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.ownerGroup").isEqualTo("group2");
	}

}
