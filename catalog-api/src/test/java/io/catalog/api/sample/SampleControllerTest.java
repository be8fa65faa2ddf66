package io.catalog.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import io.catalog.api.support.CatalogTest;

class SampleControllerTest extends CatalogTest {

	static Map<String, Object> sample(String ownerGroup) {
		var sample = new HashMap<String, Object>();
		sample.put("ownerGroup", ownerGroup);
		sample.put("owner", "Ada");
		sample.put("description", "a crystal");
		sample.put("sampleCharacteristics", Map.of("temperature", Map.of("value", 20, "unit", "C")));
		return sample;
	}

	ResponseSpec post(String username, Map<String, Object> body) {
		return as(username).post().uri("/api/v3/Samples").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
			.exchange();
	}

	Map<String, Object> create(String username, Map<String, Object> body) {
		return post(username, body).expectStatus().isCreated()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			}).returnResult().getResponseBody();
	}

	List<Map<String, Object>> list(String username, String filter) {
		return as(username).get().uri(b -> b.path("/api/v3/samples").queryParam("filter", "{filter}").build(filter))
			.exchange().expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			}).returnResult().getResponseBody();
	}

	@Test
	void createdSampleGetsAnIdAndDefaultsAndReadsBack() {
		var body = sample("group1");
		body.remove("sampleCharacteristics");
		var created = create("user1", body);
		var id = (String) created.get("sampleId");
		assertThat(id).matches("[0-9a-f-]{36}");
		assertThat(created).containsEntry("_id", id).containsEntry("isPublished", false)
			.containsEntry("sampleCharacteristics", Map.of()).containsEntry("createdBy", "user1");
		as("user1").get().uri("/api/v4/samples/{id}", id).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.sampleId").isEqualTo(id).jsonPath("$.description").isEqualTo("a crystal");
	}

	@Test
	void newerSciCatFieldsAreAcceptedAndReadBack() {
		var body = sample("group1");
		body.put("sampleName", "wafer 7");
		body.put("type", "crystal");
		body.put("parentSampleId", "sample-0");
		var id = create("user1", body).get("sampleId");
		as("user1").get().uri("/api/v3/Samples/{id}", id).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.sampleName").isEqualTo("wafer 7").jsonPath("$.type").isEqualTo("crystal")
			.jsonPath("$.parentSampleId").isEqualTo("sample-0");
		body.put("sampleName", 7);
		post("user1", body).expectStatus().isBadRequest().expectBody().jsonPath("$.message").value(
				message -> assertThat((String) message).contains("sampleName"));
	}

	@Test
	void clientMayChooseTheSampleIdOnceOnly() {
		var body = sample("group1");
		body.put("sampleId", "sample-1");
		assertThat(create("user1", body)).containsEntry("sampleId", "sample-1");
		post("user1", body).expectStatus().isEqualTo(409);
		assertThat(list("admin", "{}")).hasSize(1);
	}

	@Test
	void readRuleFollowsGroupsAndPublication() {
		var id = (String) create("user1", sample("group1")).get("sampleId");
		as("user1").get().uri("/api/v3/samples/{id}", id).exchange().expectStatus().isOk();
		as("user2").get().uri("/api/v3/samples/{id}", id).exchange().expectStatus().isForbidden();
		as(null).get().uri("/api/v3/samples/{id}", id).exchange().expectStatus().isForbidden();
		as("admin").get().uri("/api/v3/samples/{id}", id).exchange().expectStatus().isOk();
		var published = sample("group1");
		published.put("isPublished", true);
		create("user1", published);
		var shared = sample("group1");
		shared.put("accessGroups", List.of("group2"));
		create("user1", shared);
		assertThat(list("user1", "{}")).hasSize(3);
		assertThat(list("user2", "{}")).hasSize(2);
		assertThat(list("user4", "{}")).hasSize(1);
		assertThat(list(null, "{}")).singleElement().satisfies(s -> assertThat(s).containsEntry("isPublished", true));
		assertThat(list("admin", "{}")).hasSize(3);
	}

	@Test
	void createPermissionFollowsSampleGroups() {
		post(null, sample("group1")).expectStatus().isUnauthorized();
		post("user2", sample("group2")).expectStatus().isForbidden();
		post("user1", sample("group2")).expectStatus().isForbidden();
		create("sampleIngestor", sample("group4"));
		create("admin", sample("group4"));
		assertThat(list("admin", "{}")).hasSize(2);
	}

	@Test
	void missingOwnerGroupAndUnknownFieldsAreRefusedByName() {
		var body = sample("group1");
		body.remove("ownerGroup");
		post("user1", body).expectStatus().isBadRequest().expectBody()
			.jsonPath("$.errors[?(@.field == 'ownerGroup')]").exists();
		var unknown = sample("group1");
		unknown.put("colour", "blue");
		post("user1", unknown).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
			.isEqualTo("colour");
		var wrongType = sample("group1");
		wrongType.put("sampleCharacteristics", "hot");
		post("user1", wrongType).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
			.isEqualTo("sampleCharacteristics");
		assertThat(list("admin", "{}")).isEmpty();
	}

	@Test
	void samplePrivilegedGroupsCreateForAnyoneButReadOnlyWhatTheirGroupsMay() {
		var foreign = (String) create("sampleIngestor", sample("group1")).get("sampleId");
		var own = (String) create("sampleIngestor", sample("sampleingestor")).get("sampleId");
		as("sampleIngestor").get().uri("/api/v3/samples/{id}", foreign).exchange().expectStatus().isForbidden();
		as("sampleIngestor").get().uri("/api/v3/samples/{id}", own).exchange().expectStatus().isOk();
		assertThat(list("sampleIngestor", "{}")).extracting(s -> s.get("sampleId")).containsExactly(own);
		as("user1").get().uri("/api/v3/samples/{id}", foreign).exchange().expectStatus().isOk();
	}

	@Test
	void authorizationSaysWhetherTheCallerMayReadWithoutRefusing() {
		var id = (String) create("user1", sample("group1")).get("sampleId");
		as("user1").get().uri("/api/v3/samples/{id}/authorization", id).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.canAccess").isEqualTo(true);
		as("user2").get().uri("/api/v3/samples/{id}/authorization", id).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.canAccess").isEqualTo(false);
		as(null).get().uri("/api/v3/samples/{id}/authorization", id).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.canAccess").isEqualTo(false);
		as("admin").get().uri("/api/v3/samples/missing/authorization").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.canAccess").isEqualTo(false);
	}

	@Test
	void patchIsForTheOwnerGroupAndKeepsTheId() {
		var id = (String) create("user1", sample("group1")).get("sampleId");
		as("user1").patch().uri("/api/v3/samples/{id}", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("description", "polished", "sampleId", id)).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.description").isEqualTo("polished").jsonPath("$.updatedBy").isEqualTo("user1");
		as("user2").patch().uri("/api/v3/samples/{id}", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("description", "mine")).exchange().expectStatus().isForbidden();
		as(null).patch().uri("/api/v3/samples/{id}", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("description", "mine")).exchange().expectStatus().isUnauthorized();
		var published = sample("group1");
		published.put("isPublished", true);
		var visible = (String) create("user1", published).get("sampleId");
		as(null).patch().uri("/api/v3/samples/{id}", visible).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("description", "mine")).exchange().expectStatus().isUnauthorized();
		as("user1").patch().uri("/api/v3/samples/{id}", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("sampleId", "other")).exchange().expectStatus().isBadRequest().expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("sampleId");
		as("sampleIngestor").patch().uri("/api/v3/samples/{id}", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("owner", "Grace")).exchange().expectStatus().isForbidden();
		as("admin").patch().uri("/api/v3/samples/{id}", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("owner", "Grace")).exchange().expectStatus().isOk();
		as("admin").get().uri("/api/v3/samples/{id}", id).exchange().expectBody().jsonPath("$.description")
			.isEqualTo("polished").jsonPath("$.owner").isEqualTo("Grace");
	}

	@Test
	void theOwnerGroupChangesASampleOnlyWhenItMayWriteSamples() {
		var ownedByGroup2 = (String) create("admin", sample("group2")).get("sampleId");
		as("user2").patch().uri("/api/v3/samples/{id}", ownedByGroup2).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("description", "mine")).exchange().expectStatus().isForbidden();
		var ownIngested = (String) create("sampleIngestor", sample("sampleingestor")).get("sampleId");
		as("sampleIngestor").patch().uri("/api/v3/samples/{id}", ownIngested).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("description", "annealed")).exchange().expectStatus().isOk();
	}

	@Test
	void onlyTheDeleteGroupsDeleteSamplesAndEveryoneElseIsForbidden() {
		var id = (String) create("user1", sample("group1")).get("sampleId");
		for (String refused : new String[] { "user1", "sampleIngestor", "admin", "user4" }) {
			as(refused).delete().uri("/api/v3/samples/{id}", id).exchange().expectStatus().isForbidden();
		}
		as(null).delete().uri("/api/v3/samples/{id}", id).exchange().expectStatus().isForbidden();
		as("archiveManager").delete().uri("/api/v3/samples/{id}", id).exchange().expectStatus().isOk();
		as("admin").get().uri("/api/v3/samples/{id}", id).exchange().expectStatus().isNotFound();
		assertThat(list("admin", "{}")).isEmpty();
	}

	@Test
	void filterFindOneAndCount() {
		create("user1", sample("group1"));
		var other = sample("group1");
		other.put("description", "a powder");
		create("user1", other);
		create("sampleIngestor", sample("group2"));
		assertThat(list("user1", "{\"where\":{\"description\":\"a powder\"}}")).singleElement()
			.satisfies(s -> assertThat(s).containsEntry("description", "a powder"));
		as("user1").get().uri(b -> b.path("/api/v3/samples/count").queryParam("filter", "{f}")
			.build("{\"where\":{\"description\":{\"inq\":[\"a crystal\",\"a powder\"]}}}")).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.count").isEqualTo(2);
		as("admin").get().uri("/api/v3/samples/count").exchange().expectBody().jsonPath("$.count").isEqualTo(3);
		as("user1").get().uri(b -> b.path("/api/v3/samples/findOne").queryParam("filter", "{f}")
			.build("{\"where\":{\"description\":\"a powder\"}}")).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.description").isEqualTo("a powder");
		as("user2").get().uri(b -> b.path("/api/v3/samples/findOne").queryParam("filter", "{f}")
			.build("{\"where\":{\"description\":\"a powder\"}}")).exchange().expectStatus().isNotFound();
	}

	@Test
	void datasetsOfASampleFollowTheDatasetReadRule() {
		var id = (String) create("sampleIngestor", sample("group1")).get("sampleId");
		as("user1").post().uri("/api/v3/datasets").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(dataset("group1", id)).exchange().expectStatus().isCreated();
		var shared = dataset("group2", id);
		shared.put("accessGroups", List.of("group1"));
		as("ingestor").post().uri("/api/v3/datasets").contentType(MediaType.APPLICATION_JSON).bodyValue(shared)
			.exchange().expectStatus().isCreated();
		as("ingestor").post().uri("/api/v3/datasets").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(dataset("group2", id)).exchange().expectStatus().isCreated();
		as("ingestor").post().uri("/api/v3/datasets").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(dataset("group1", "another")).exchange().expectStatus().isCreated();
		as("user1").get().uri("/api/v3/samples/{id}/datasets", id).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.length()").isEqualTo(2).jsonPath("$[0].sampleIds[0]").isEqualTo(id);
		as("admin").get().uri("/api/v3/samples/{id}/datasets", id).exchange().expectBody().jsonPath("$.length()")
			.isEqualTo(3);
		as("user2").get().uri("/api/v3/samples/{id}/datasets", id).exchange().expectStatus().isForbidden();
		as("admin").get().uri("/api/v3/samples/missing/datasets").exchange().expectStatus().isNotFound();
	}

	@Test
	void attachmentsCanBeIncluded() {
		var id = (String) create("user1", sample("group1")).get("sampleId");
		reactor.core.publisher.Mono.from(database.getCollection("Attachment").insertOne(
				new org.bson.Document("_id", "att-1").append("sampleId", id).append("caption", "photo"))).block();
		assertThat(list("user1", "{\"include\":[{\"relation\":\"attachments\"}]}")).singleElement()
			.satisfies(s -> assertThat((List<?>) s.get("attachments")).singleElement()
				.satisfies(a -> assertThat(((Map<?, ?>) a).get("caption")).isEqualTo("photo")));
	}

	static Map<String, Object> dataset(String ownerGroup, String sampleId) {
		var dataset = new HashMap<String, Object>();
		dataset.put("type", "raw");
		dataset.put("ownerGroup", ownerGroup);
		dataset.put("owner", "Ada");
		dataset.put("contactEmail", "ada@facility.test");
		dataset.put("sourceFolder", "/data/run1");
		dataset.put("creationTime", "2026-03-01T10:00:00Z");
		dataset.put("principalInvestigator", "Ada");
		dataset.put("creationLocation", "/PSI/SLS/TOMCAT");
		dataset.put("datasetName", "run 1");
		dataset.put("sampleId", sampleId);
		return dataset;
	}

}
