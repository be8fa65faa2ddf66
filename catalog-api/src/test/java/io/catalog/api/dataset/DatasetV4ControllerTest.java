package io.catalog.api.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.Requests;

/**
 * The two faces of one stored dataset: v3 names ({@code principalInvestigator}, {@code proposalId}) in and out,
 * SciCat's current lists in the store and on v4, whose routes have rules of their own.
 */
class DatasetV4ControllerTest extends CatalogTest {

	static Map<String, Object> current(String ownerGroup) {
		var dataset = new HashMap<String, Object>();
		dataset.put("type", "derived");
		dataset.put("ownerGroup", ownerGroup);
		dataset.put("contactEmail", "grace@facility.test");
		dataset.put("sourceFolder", "/data/analysis/7");
		dataset.put("creationTime", "2026-04-01T08:00:00Z");
		dataset.put("datasetName", "fit 7");
		dataset.put("principalInvestigators", List.of("Grace"));
		return dataset;
	}

	@Test
	void v3NamesAreStoredAsSciCatsListsAndReadBack() {
		var body = Requests.rawDataset("group1");
		body.put("proposalId", "p-42");
		var pid = (String) created("user1", "/api/v3/Datasets", body).get("pid");
		var stored = Mono.from(database.getCollection("Dataset").find(new Document("_id", pid)).first()).block();
		assertThat(stored).containsEntry("pid", pid).containsEntry("principalInvestigators", List.of("Ada"))
			.containsEntry("proposalIds", List.of("p-42")).doesNotContainKey("principalInvestigator");
		assertThat(getObject("user1", "/api/v3/datasets/{pid}", pid)).containsEntry("principalInvestigator", "Ada")
			.containsEntry("proposalId", "p-42").containsEntry("version", "3");
		assertThat(getObject("user1", "/api/v4/datasets/{pid}", pid)).doesNotContainKey("principalInvestigator")
			.containsEntry("proposalIds", List.of("p-42"));
		assertThat(getList("user1", "/api/v3/datasets?filter={f}", "{\"where\":{\"proposalId\":\"p-42\",\"pid\":\"" + pid + "\"}}"))
			.hasSize(1);
	}

	@Test
	void aFindOfNothingReadableAnswersAnEmptyObject() {
		var pid = (String) created("user1", "/api/v4/datasets", current("group1")).get("pid");
		var mine = "{\"where\":{\"pid\":\"" + pid + "\"}}";
		assertThat(getObject("user1", "/api/v4/datasets/findOne?filter={f}", mine)).containsEntry("pid", pid);
		assertThat(getObject("user4", "/api/v4/datasets/findOne?filter={f}", mine)).isEmpty();
		assertThat(getObject(null, "/api/v4/datasets/public/{pid}", pid)).isEmpty();
		assertThat(getObject(null, "/api/v4/datasets/public/{pid}", "no-such-pid")).isEmpty();
		as(null).get().uri("/api/v4/datasets/count").exchange().expectStatus().isForbidden();
	}

	@Test
	void aNewDatasetCarriesSciCatsStoredDefaultsAndTakesItsLifecycleBack() {
		var created = created("user1", "/api/v4/datasets", current("group1"));
		assertThat(created).containsEntry("inputDatasets", List.of()).containsEntry("usedSoftware", List.of());
		@SuppressWarnings("unchecked")
		var lifecycle = (Map<String, Object>) created.get("datasetlifecycle");
		assertThat(lifecycle).containsKeys("_id", "dateOfDiskPurging", "archiveRetentionTime", "dateOfPublishing",
				"publishedOn").doesNotContainKeys("archiveReturnMessage", "retrieveReturnMessage");
		assertThat((String) lifecycle.get("_id")).matches("[0-9a-f]{24}");
		patch("user1", "/api/v4/datasets/{pid}", Map.of("datasetlifecycle", lifecycle), created.get("pid"))
			.expectStatus().isOk();
	}

	@Test
	void anAttachmentTargetingADatasetIsIncludedWithIt() {
		var pid = (String) created("user1", "/api/v4/datasets", current("group1")).get("pid");
		var attachment = created("user1", "/api/v4/attachments", Map.of("caption", "sinogram", "isPublished", false,
				"ownerGroup", "group1", "relationships", List.of(Map.of("targetId", pid, "targetType", "dataset"))));
		var filter = "{\"where\":{\"pid\":\"" + pid + "\"},\"include\":[\"attachments\"]}";
		var found = getList("user1", "/api/v4/datasets?filter={f}", filter);
		assertThat(found).hasSize(1);
		assertThat((List<?>) found.get(0).get("attachments")).singleElement()
			.satisfies(a -> assertThat(((Map<?, ?>) a).get("aid")).isEqualTo(attachment.get("aid")));
	}

	@Test
	void v4CreateTakesTheCurrentSchemaOnly() {
		var created = created("user1", "/api/v4/datasets", current("group1"));
		assertThat(created).containsEntry("version", "4").containsEntry("principalInvestigators", List.of("Grace"));
		var old = current("group1");
		old.put("proposalId", "p-1");
		old.remove("datasetName");
		post("user1", "/api/v4/datasets", old).expectStatus().isBadRequest().expectBody()
			.jsonPath("$.errors[?(@.field == 'proposalId')]").exists()
			.jsonPath("$.errors[?(@.field == 'datasetName')]").exists();
		as(null).post().uri("/api/v4/datasets").contentType(MediaType.APPLICATION_JSON).bodyValue(current("group1"))
			.exchange().expectStatus().isForbidden();
	}

	@Test
	void typesAreRawDerivedAndThoseOfTheTypesFile() {
		var custom = current("group1");
		custom.put("type", "custom");
		post("user1", "/api/v4/datasets", custom).expectStatus().isBadRequest().expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("type");
	}

	@Test
	void includedProposalsFollowTheListAndTheirReadRule() {
		Mono.from(database.getCollection("Proposal").insertOne(new Document("_id", "p-7").append("proposalId", "p-7")
			.append("ownerGroup", "group1").append("title", "beam time"))).block();
		var dataset = current("group1");
		dataset.put("proposalIds", List.of("p-7"));
		var pid = (String) created("user1", "/api/v4/datasets", dataset).get("pid");
		var mine = getList("user1", "/api/v4/datasets?filter={f}", "{\"where\":{\"pid\":\"" + pid
				+ "\"},\"fields\":[\"datasetName\"],\"include\":[{\"relation\":\"proposals\",\"scope\":{\"fields\":[\"title\"]}}]}");
		assertThat(mine).singleElement().satisfies(found -> {
			assertThat(found).doesNotContainKey("proposalIds").doesNotContainKey("pid");
			assertThat((List<?>) found.get("proposals")).singleElement()
				.satisfies(p -> assertThat(((Map<?, ?>) p).get("title")).isEqualTo("beam time"));
		});
		assertThat(getObject("admin", "/api/v3/proposals/{id}", "p-7")).containsEntry("numberOfDatasets", 1);
	}

	@Test
	void fieldsUnderAnotherAskedFieldAreAnsweredOnce() {
		var dataset = current("group1");
		dataset.put("scientificMetadata", Map.of("area", Map.of("value", 3, "unit", "m^2")));
		var pid = (String) created("user1", "/api/v4/datasets", dataset).get("pid");
		var found = getList("user1", "/api/v3/datasets?filter={f}", "{\"where\":{\"pid\":\"" + pid
				+ "\"},\"fields\":[\"scientificMetadata\",\"scientificMetadata.area.value\",\"scientificMetadata\"],"
				+ "\"include\":[\"all\"]}");
		assertThat(found).singleElement()
			.satisfies(d -> assertThat(d.get("scientificMetadata").toString()).contains("area").contains("m^2"));
	}

	@Test
	void mergePatchKeepsOtherMetadataAndNeedsValueWithUnit() {
		var dataset = current("group1");
		dataset.put("scientificMetadata", Map.of("energy", Map.of("value", 9, "unit", "keV"), "note", "kept"));
		var pid = (String) created("user1", "/api/v4/datasets", dataset).get("pid");
		var merge = MediaType.parseMediaType("application/merge-patch+json");
		as("user1").patch().uri("/api/v4/datasets/{pid}", pid).contentType(merge)
			.bodyValue(Map.of("scientificMetadata", Map.of("energy", Map.of("value", 2)))).exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.message")
			.isEqualTo("Original dataset " + pid + " contains both value and unit in scientificMetadata.energy. "
					+ "Please provide both when updating.");
		as("user1").patch().uri("/api/v4/datasets/{pid}", pid).contentType(merge)
			.bodyValue(Map.of("scientificMetadata", Map.of("energy", Map.of("value", 2, "unit", "eV")))).exchange()
			.expectStatus().isOk().expectBody()
			.jsonPath("$.scientificMetadata.note").isEqualTo("kept")
			.jsonPath("$.scientificMetadata.energy.unit").isEqualTo("eV");
	}

	@Test
	void lifecycleChangeAnswersTheLifecycle() {
		var pid = (String) created("user1", "/api/v3/Datasets", Requests.rawDataset("group1")).get("pid");
		patch("archiveManager", "/api/v3/datasets/{pid}/datasetlifecycle", Map.of("retrievable", true), pid)
			.expectStatus().isOk().expectBody().jsonPath("$.retrievable").isEqualTo(true)
			.jsonPath("$.archivable").isEqualTo(true).jsonPath("$.pid").doesNotExist();
		patch("archiveManager", "/api/v3/datasets/{pid}/datasetlifecycle", Map.of(), pid).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.message").isEqualTo("dataset lifecycle DTO must not be empty");
		patch("archiveManager", "/api/v4/datasets/nope/datasetlifecycle", Map.of("retrievable", true)).expectStatus()
			.isNotFound().expectBody().jsonPath("$.message").isEqualTo("dataset with pid nope not found");
	}

	@Test
	void isValidWordsFaultsAsSciCatClientsCompareThem() {
		var body = Requests.rawDataset("group1");
		body.remove("principalInvestigator");
		body.remove("creationLocation");
		post("user1", "/api/v3/Datasets/isValid", body).expectStatus().isOk().expectBody()
			.jsonPath("$.valid").isEqualTo(false)
			.jsonPath("$.error").isEqualTo("principalInvestigator must be a string; creationLocation must be a string");
	}

	@Test
	void metadataIsJudgedByAMetaSchemaWithoutFetchingAnything() {
		var dataset = current("group1");
		dataset.put("scientificMetadata", Map.of("title", false));
		dataset.put("scientificMetadataSchema", "https://json-schema.org/draft-07/schema");
		assertThat(created("user1", "/api/v4/datasets", dataset)).containsEntry("scientificMetadataValid", false);
		dataset.put("scientificMetadata", Map.of("title", "a title"));
		assertThat(created("user1", "/api/v4/datasets", dataset)).containsEntry("scientificMetadataValid", true);
		dataset.put("scientificMetadataSchema", "http://127.0.0.1:1/private");
		assertThat(created("user1", "/api/v4/datasets", dataset)).containsEntry("scientificMetadataValid", false);
	}

	@Test
	void malformedFilterIsWordedAsJavaScriptWordsIt() {
		as("user1").get().uri("/api/v4/datasets?filter={f}", "{\"limits\":{\"limit\":1},}").exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.message")
			.isEqualTo("Invalid JSON in filter: Expected double-quoted property name in JSON at position 22 (line 1 column 23)");
	}

}
