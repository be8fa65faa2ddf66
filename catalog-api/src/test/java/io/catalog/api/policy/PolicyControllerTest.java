package io.catalog.api.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.Requests;

class PolicyControllerTest extends CatalogTest {

	static Map<String, Object> policy(String ownerGroup) {
		var policy = new HashMap<String, Object>();
		policy.put("ownerGroup", ownerGroup);
		policy.put("manager", List.of("pi@facility.test"));
		policy.put("tapeRedundancy", "low");
		policy.put("autoArchive", false);
		policy.put("autoArchiveDelay", 7);
		policy.put("embargoPeriod", 3);
		return policy;
	}

	ResponseSpec post(String username, Map<String, Object> body) {
		return as(username).post().uri("/api/v3/Policies").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
			.exchange();
	}

	String create(Map<String, Object> body) {
		return (String) post("admin", body).expectStatus().isCreated()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			}).returnResult().getResponseBody().get("id");
	}

	List<Map<String, Object>> list(String username, String filter) {
		return as(username).get().uri(b -> b.path("/api/v3/policies").queryParam("filter", "{filter}").build(filter))
			.exchange().expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			}).returnResult().getResponseBody();
	}

	@Test
	void aGroupsFirstDatasetGivesItADefaultPolicyOnceAndItsClassification() {
		var dataset = Requests.rawDataset("group5");
		dataset.put("ownerEmail", "ada@facility.test");
		dataset.put("classification", "IN=medium,AV=medium,CO=low");
		var first = created("admin", "/api/v3/datasets", dataset);
		created("admin", "/api/v3/datasets", Requests.rawDataset("group5"));

		var policies = list("admin", "{\"where\":{\"ownerGroup\":\"group5\"}}");
		assertThat(policies).singleElement().satisfies(policy -> assertThat(policy)
			.containsEntry("manager", List.of("ada@facility.test"))
			.containsEntry("tapeRedundancy", "medium").containsEntry("autoArchive", false));
		assertThat(first).containsEntry("classification", "IN=medium,AV=medium,CO=low");
	}

	@Test
	void aGroupWithAPolicyKeepsItAndClassifiesByIt() {
		var policy = policy("group5");
		policy.put("tapeRedundancy", "high");
		create(policy);
		var dataset = created("admin", "/api/v3/datasets", Requests.rawDataset("group5"));
		assertThat(list("admin", "{\"where\":{\"ownerGroup\":\"group5\"}}")).hasSize(1);
		assertThat(dataset).containsEntry("classification", "IN=medium,AV=high,CO=low");
	}

	@Test
	void createdPolicyReadsBackUnderItsId() {
		var id = create(policy("group1"));
		assertThat(id).matches("[0-9a-f-]{36}");
		as("user1").get().uri("/api/v4/policies/{id}", id).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.id").isEqualTo(id).jsonPath("$.tapeRedundancy").isEqualTo("low")
			.jsonPath("$.manager[0]").isEqualTo("pi@facility.test").jsonPath("$.autoArchiveDelay").isEqualTo(7);
	}

	@Test
	void readRuleIsGroupMembership() {
		var id = create(policy("group1"));
		var shared = policy("group3");
		shared.put("accessGroups", List.of("group2"));
		create(shared);
		as("user1").get().uri("/api/v3/policies/{id}", id).exchange().expectStatus().isOk();
		as("user2").get().uri("/api/v3/policies/{id}", id).exchange().expectStatus().isForbidden();
		as(null).get().uri("/api/v3/policies/{id}", id).exchange().expectStatus().isForbidden();
		assertThat(list("user1", "{}")).singleElement().satisfies(p -> assertThat(p).containsEntry("ownerGroup", "group1"));
		assertThat(list("user2", "{}")).singleElement().satisfies(p -> assertThat(p).containsEntry("ownerGroup", "group3"));
		assertThat(list("user4", "{}")).isEmpty();
		assertThat(list(null, "{}")).isEmpty();
		assertThat(list("admin", "{}")).hasSize(2);
	}

	@Test
	void onlyAdminsCreate() {
		post(null, policy("group1")).expectStatus().isUnauthorized();
		post("user1", policy("group1")).expectStatus().isForbidden();
		post("archiveManager", policy("group1")).expectStatus().isForbidden();
		assertThat(list("admin", "{}")).isEmpty();
		create(policy("group1"));
		assertThat(list("admin", "{}")).hasSize(1);
	}

	@Test
	void missingOwnerGroupUnknownFieldsAndWrongTypesAreRefusedByName() {
		var body = policy("group1");
		body.remove("ownerGroup");
		post("admin", body).expectStatus().isBadRequest().expectBody()
			.jsonPath("$.errors[?(@.field == 'ownerGroup')]").exists();
		var unknown = policy("group1");
		unknown.put("retention", 5);
		post("admin", unknown).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
			.isEqualTo("retention");
		var wrongType = policy("group1");
		wrongType.put("autoArchive", "yes");
		post("admin", wrongType).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
			.isEqualTo("autoArchive");
		assertThat(list("admin", "{}")).isEmpty();
	}

	@Test
	void adminsChangeAndTheDeleteGroupsDelete() {
		var id = create(policy("group1"));
		as("user1").patch().uri("/api/v3/policies/{id}", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("autoArchive", true)).exchange().expectStatus().isForbidden();
		as("admin").patch().uri("/api/v3/policies/{id}", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("autoArchive", true, "archiveEmailsToBeNotified", List.of("ops@facility.test")))
			.exchange().expectStatus().isOk().expectBody().jsonPath("$.autoArchive").isEqualTo(true)
			.jsonPath("$.archiveEmailsToBeNotified[0]").isEqualTo("ops@facility.test");
		as("user1").delete().uri("/api/v3/policies/{id}", id).exchange().expectStatus().isForbidden();
		as("archiveManager").patch().uri("/api/v3/policies/{id}", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("autoArchive", false)).exchange().expectStatus().isForbidden();
		assertThat(list("admin", "{}")).hasSize(1);
		as("archiveManager").delete().uri("/api/v3/policies/{id}", id).exchange().expectStatus().isOk();
		as("admin").get().uri("/api/v3/policies/{id}", id).exchange().expectStatus().isNotFound();
		var other = create(policy("group2"));
		as("admin").delete().uri("/api/v3/policies/{id}", other).exchange().expectStatus().isForbidden();
	}

	@Test
	void filterAndCount() {
		create(policy("group1"));
		var other = policy("group1");
		other.put("tapeRedundancy", "high");
		create(other);
		create(policy("group2"));
		assertThat(list("user1", "{\"where\":{\"tapeRedundancy\":\"high\"}}")).singleElement()
			.satisfies(p -> assertThat(p).containsEntry("tapeRedundancy", "high"));
		as("user1").get().uri("/api/v3/policies/count").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.count").isEqualTo(2);
		as("admin").get().uri(b -> b.path("/api/v3/policies/count").queryParam("where", "{w}")
			.build("{\"ownerGroup\":\"group2\"}")).exchange().expectBody().jsonPath("$.count").isEqualTo(1);
		as(null).get().uri("/api/v3/policies/count").exchange().expectStatus().isOk().expectBody().jsonPath("$.count")
			.isEqualTo(0);
	}

}
