package io.catalog.api.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import io.catalog.api.support.CatalogTest;

class ProposalControllerTest extends CatalogTest {

	static Map<String, Object> proposal(String proposalId, String ownerGroup) {
		var proposal = new HashMap<String, Object>();
		proposal.put("proposalId", proposalId);
		proposal.put("ownerGroup", ownerGroup);
		proposal.put("email", "pi@facility.test");
		proposal.put("title", "Beam time " + proposalId);
		proposal.put("abstract", "We measure things");
		proposal.put("startTime", "2026-01-01T00:00:00Z");
		proposal.put("MeasurementPeriodList", List.of(Map.of("instrument", "TOMCAT", "comment", "first")));
		return proposal;
	}

	ResponseSpec post(String username, Map<String, Object> body) {
		return as(username).post().uri("/api/v3/Proposals").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
			.exchange();
	}

	Map<String, Object> create(String username, Map<String, Object> body) {
		return post(username, body).expectStatus().isCreated()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			}).returnResult().getResponseBody();
	}

	List<Map<String, Object>> list(String username, String param, String filter) {
		return as(username).get().uri(b -> b.path("/api/v3/proposals").queryParam(param, "{filter}").build(filter))
			.exchange().expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			}).returnResult().getResponseBody();
	}

	@Test
	void createdProposalReadsBackUnderItsId() {
		var created = create("proposalIngestor", proposal("20170266", "group1"));
		assertThat(created).containsEntry("proposalId", "20170266").containsEntry("_id", "20170266")
			.containsEntry("startTime", "2026-01-01T00:00:00.000Z").containsEntry("isPublished", false);
		as("user1").get().uri("/api/v4/proposals/{id}", "20170266").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.title").isEqualTo("Beam time 20170266")
			.jsonPath("$.MeasurementPeriodList[0].instrument").isEqualTo("TOMCAT");
	}

	@Test
	void aProposalListsItsInstrumentsAndHasSciCatsDefaults() {
		assertThat(create("proposalIngestor", proposal("p-3", "group1"))).containsEntry("instrumentIds", List.of())
			.containsEntry("metadata", Map.of());
		var withInstruments = proposal("p-4", "group1");
		withInstruments.put("instrumentIds", List.of("instrument-1"));
		assertThat(create("proposalIngestor", withInstruments)).containsEntry("instrumentIds", List.of("instrument-1"));
		as("proposalIngestor").patch().uri("/api/v3/proposals/p-3").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("instrumentIds", List.of("instrument-2"))).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.instrumentIds[0]").isEqualTo("instrument-2");
		as("proposalIngestor").patch().uri("/api/v3/proposals/p-3").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("instrumentIds", "instrument-2")).exchange().expectStatus().isBadRequest();
	}

	@Test
	void aProposalWithoutATypeGetsTheDefaultAndAnUnknownTypeIsRefused() {
		assertThat(create("proposalIngestor", proposal("p-1", "group1"))).containsEntry("type", "Default Proposal");
		var typed = proposal("p-2", "group1");
		typed.put("type", "Beamtime");
		post("proposalIngestor", typed).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
			.isEqualTo("type").jsonPath("$.errors[0].reason").value(reason -> assertThat((String) reason)
				.contains("Default Proposal"));
		as("proposalIngestor").patch().uri("/api/v3/proposals/p-1").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("type", "Beamtime")).exchange().expectStatus().isBadRequest();
		assertThat(list("admin", "filter", "{}")).singleElement()
			.satisfies(p -> assertThat(p).containsEntry("type", "Default Proposal"));
	}

	@Test
	void authorizationSaysWhetherTheCallerMayRead() {
		create("proposalIngestor", proposal("p-1", "group1"));
		for (var entry : Map.of("user1", true, "user2", false, "proposalIngestor", true, "admin", true).entrySet()) {
			as(entry.getKey()).get().uri("/api/v3/proposals/p-1/authorization").exchange().expectStatus().isOk()
				.expectBody().jsonPath("$.canAccess").isEqualTo(entry.getValue());
		}
		as(null).get().uri("/api/v3/proposals/p-1/authorization").exchange().expectBody().jsonPath("$.canAccess")
			.isEqualTo(false);
		as("admin").get().uri("/api/v3/proposals/none/authorization").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.canAccess").isEqualTo(false);
	}

	@Test
	void aCountTakesTheConditionItselfAsItsFilter() {
		create("proposalIngestor", proposal("p-1", "group1"));
		var child = proposal("p-2", "group1");
		child.put("parentProposalId", "p-1");
		create("proposalIngestor", child);
		create("proposalIngestor", proposal("p-3", "group1"));
		as("user1").get().uri(b -> b.path("/api/v3/proposals/count").queryParam("filter", "{f}")
			.build("{\"or\":[{\"proposalId\":\"p-1\"},{\"parentProposalId\":\"p-1\"}]}")).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.count").isEqualTo(2);
		as("user1").get().uri(b -> b.path("/api/v3/proposals/count").queryParam("filter", "{f}")
			.build("{\"where\":{\"proposalId\":{\"inq\":[\"p-1\",\"p-3\"]}}}")).exchange().expectBody()
			.jsonPath("$.count").isEqualTo(2);
		as("user2").get().uri(b -> b.path("/api/v3/proposals/count").queryParam("filter", "{f}")
			.build("{\"proposalId\":\"p-1\"}")).exchange().expectBody().jsonPath("$.count").isEqualTo(0);
	}

	@Test
	void duplicateProposalIdIsConflict() {
		create("proposalIngestor", proposal("p-1", "group1"));
		post("proposalIngestor", proposal("p-1", "group2")).expectStatus().isEqualTo(409).expectBody()
			.jsonPath("$.detail").isEqualTo("Proposal with p-1 already exists");
		assertThat(list("admin", "filter", "{}")).singleElement()
			.satisfies(p -> assertThat(p).containsEntry("ownerGroup", "group1"));
	}

	@Test
	void readRuleFollowsGroupsAndPublication() {
		create("proposalIngestor", proposal("p-1", "group1"));
		var shared = proposal("p-2", "group1");
		shared.put("accessGroups", List.of("group2"));
		create("proposalIngestor", shared);
		var published = proposal("p-3", "group3");
		published.put("isPublished", true);
		create("proposalIngestor", published);
		as("user1").get().uri("/api/v3/proposals/p-1").exchange().expectStatus().isOk();
		as("user2").get().uri("/api/v3/proposals/p-1").exchange().expectStatus().isForbidden();
		as(null).get().uri("/api/v3/proposals/p-1").exchange().expectStatus().isForbidden();
		as("admin").get().uri("/api/v3/proposals/p-1").exchange().expectStatus().isOk();
		assertThat(list("user1", "filter", "{}")).hasSize(3);
		assertThat(list("user2", "filter", "{}")).extracting(p -> p.get("proposalId"))
			.containsExactlyInAnyOrder("p-2", "p-3");
		assertThat(list(null, "filter", "{}")).extracting(p -> p.get("proposalId")).containsExactly("p-3");
		assertThat(list("admin", "filter", "{}")).hasSize(3);
	}

	@Test
	void onlyProposalGroupsAndAdminsCreate() {
		post(null, proposal("p-1", "group1")).expectStatus().isUnauthorized();
		post("user1", proposal("p-1", "group1")).expectStatus().isForbidden();
		post("ingestor", proposal("p-1", "group1")).expectStatus().isForbidden();
		create("admin", proposal("p-1", "group1"));
		create("proposalIngestor", proposal("p-2", "group1"));
		assertThat(list("admin", "filter", "{}")).hasSize(2);
	}

	@Test
	void missingRequiredAndUnknownFieldsAreRefusedByName() {
		var body = proposal("p-1", "group1");
		body.remove("email");
		body.remove("proposalId");
		post("proposalIngestor", body).expectStatus().isBadRequest().expectBody()
			.jsonPath("$.errors[?(@.field == 'email')]").exists()
			.jsonPath("$.errors[?(@.field == 'proposalId')]").exists();
		var unknown = proposal("p-1", "group1");
		unknown.put("budget", 3);
		post("proposalIngestor", unknown).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
			.isEqualTo("budget");
		var badDate = proposal("p-1", "group1");
		badDate.put("endTime", "soon");
		post("proposalIngestor", badDate).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
			.isEqualTo("endTime");
		assertThat(list("admin", "filter", "{}")).isEmpty();
	}

	@Test
	void isValidAnswersWithoutStoring() {
		as("proposalIngestor").post().uri("/api/v3/proposals/isValid").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(proposal("p-1", "group1")).exchange().expectStatus().isOk().expectBody().jsonPath("$.valid")
			.isEqualTo(true);
		var bad = proposal("p-1", "group1");
		bad.remove("title");
		as("proposalIngestor").post().uri("/api/v3/proposals/isValid").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(bad).exchange().expectStatus().isOk().expectBody().jsonPath("$.valid").isEqualTo(false)
			.jsonPath("$.reason[0].field").isEqualTo("title");
		as("user1").post().uri("/api/v3/proposals/isValid").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(proposal("p-1", "group1")).exchange().expectStatus().isForbidden();
		assertThat(list("admin", "filter", "{}")).isEmpty();
	}

	@Test
	void patchKeepsTheProposalId() {
		create("proposalIngestor", proposal("p-1", "group1"));
		as("proposalIngestor").patch().uri("/api/v3/proposals/p-1").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "Renamed", "proposalId", "p-1")).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.title").isEqualTo("Renamed").jsonPath("$.updatedBy").isEqualTo("proposalIngestor");
		as("proposalIngestor").patch().uri("/api/v3/proposals/p-1").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("proposalId", "p-2")).exchange().expectStatus().isBadRequest().expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("proposalId");
		as("user1").patch().uri("/api/v3/proposals/p-1").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "Mine")).exchange().expectStatus().isForbidden();
		as("admin").get().uri("/api/v3/proposals/p-1").exchange().expectBody().jsonPath("$.title")
			.isEqualTo("Renamed");
		as("admin").get().uri("/api/v3/proposals/p-2").exchange().expectStatus().isNotFound();
	}

	@Test
	void deleteNeedsDeleteGroups() {
		var published = proposal("p-1", "group1");
		published.put("isPublished", true);
		create("proposalIngestor", published);
		as(null).delete().uri("/api/v3/proposals/p-1").exchange().expectStatus().isUnauthorized();
		as("user1").delete().uri("/api/v3/proposals/p-1").exchange().expectStatus().isForbidden();
		as("proposalIngestor").delete().uri("/api/v3/proposals/p-1").exchange().expectStatus().isForbidden();
		as("archiveManager").delete().uri("/api/v3/proposals/p-1").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.proposalId").isEqualTo("p-1");
		create("proposalIngestor", proposal("p-2", "group1"));
		as("admin").delete().uri("/api/v3/proposals/p-2").exchange().expectStatus().isOk();
		assertThat(list("admin", "filter", "{}")).isEmpty();
	}

	@Test
	void filterAndOlderFiltersParameterFindOneAndCount() {
		create("proposalIngestor", proposal("p-1", "group1"));
		create("proposalIngestor", proposal("p-2", "group1"));
		create("proposalIngestor", proposal("p-3", "group2"));
		var where = "{\"where\":{\"title\":\"Beam time p-2\"}}";
		assertThat(list("user1", "filter", where)).extracting(p -> p.get("proposalId")).containsExactly("p-2");
		assertThat(list("user1", "filters", where)).extracting(p -> p.get("proposalId")).containsExactly("p-2");
		assertThat(list("user1", "filter", "{\"where\":{\"proposalId\":\"p-1\"}}")).hasSize(1);
		as("user1").get().uri("/api/v3/proposals/count").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.count").isEqualTo(2);
		as("admin").get().uri("/api/v3/proposals/count").exchange().expectBody().jsonPath("$.count").isEqualTo(3);
		as("user1").get().uri(b -> b.path("/api/v3/proposals/findOne").queryParam("filter", "{f}").build(where))
			.exchange().expectStatus().isOk().expectBody().jsonPath("$.proposalId").isEqualTo("p-2");
		as("user2").get().uri(b -> b.path("/api/v3/proposals/findOne").queryParam("filter", "{f}").build(where))
			.exchange().expectStatus().isNotFound();
	}

	@Test
	void datasetsOfAProposalFollowTheDatasetReadRule() {
		var published = proposal("p-1", "group1");
		published.put("isPublished", true);
		create("proposalIngestor", published);
		as("user1").post().uri("/api/v3/datasets").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(dataset("group1", "p-1")).exchange().expectStatus().isCreated();
		as("ingestor").post().uri("/api/v3/datasets").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(dataset("group2", "p-1")).exchange().expectStatus().isCreated();
		as("ingestor").post().uri("/api/v3/datasets").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(dataset("group1", "p-9")).exchange().expectStatus().isCreated();
		as("user1").get().uri("/api/v3/proposals/p-1/datasets").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].ownerGroup").isEqualTo("group1");
		as("admin").get().uri("/api/v3/proposals/p-1/datasets").exchange().expectBody().jsonPath("$.length()")
			.isEqualTo(2);
		as(null).get().uri("/api/v3/proposals/p-1/datasets").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.length()").isEqualTo(0);
		as("admin").get().uri("/api/v3/proposals/none/datasets").exchange().expectStatus().isNotFound();
	}

	static Map<String, Object> dataset(String ownerGroup, String proposalId) {
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
		dataset.put("proposalId", proposalId);
		return dataset;
	}

}
