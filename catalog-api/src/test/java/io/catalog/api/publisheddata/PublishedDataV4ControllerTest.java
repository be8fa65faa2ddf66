package io.catalog.api.publisheddata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.Requests;

/** The v4 routes: the stored shape and the publication workflow. */
class PublishedDataV4ControllerTest extends CatalogTest {

	static Map<String, Object> publication(List<String> datasetPids) {
		var data = new HashMap<String, Object>();
		data.put("title", "Beam study");
		data.put("abstract", "What we saw");
		data.put("datasetPids", datasetPids);
		data.put("metadata", Map.of("creators", List.of(Map.of("name", "Ada")), "publisher", Map.of("name", "PSI")));
		return data;
	}

	String create(String username, Map<String, Object> body) {
		return (String) created(username, "/api/v4/PublishedData", body).get("doi");
	}

	String dataset(String ownerGroup) {
		return (String) created("admin", "/api/v3/Datasets", Requests.rawDataset(ownerGroup)).get("pid");
	}

	@Test
	void aNewPublicationIsPrivateWithThisYearAndSeenByItsAuthorOnly() {
		var answer = created("user1", "/api/v4/PublishedData", publication(List.of()));
		assertThat(answer).containsEntry("status", "private").containsEntry("createdBy", "user1");
		assertThat(answer).extractingByKey("metadata", MAP).containsKey("publicationYear");
		var doi = (String) answer.get("doi");
		as(null).get().uri("/api/v4/PublishedData/{doi}", doi).exchange().expectStatus().isNotFound();
		as("user2").get().uri("/api/v4/PublishedData/{doi}", doi).exchange().expectStatus().isNotFound();
		assertThat(getList("user1", "/api/v4/PublishedData")).hasSize(1);
		assertThat(getList("user2", "/api/v4/PublishedData")).isEmpty();
		assertThat(getList(null, "/api/v4/PublishedData")).isEmpty();
		assertThat(getObject("admin", "/api/v4/PublishedData/count")).containsEntry("count", 1);
	}

	@Test
	void aWhereInFieldsAndLimitsNarrowTheList() {
		create("user1", publication(List.of()));
		create("user2", publication(List.of()));
		assertThat(as("admin").get().uri(b -> b.path("/api/v4/PublishedData").queryParam("fields", "{f}")
			.queryParam("limits", "{l}").build("{\"createdBy\":{\"like\":\"user1\"}}", "{\"skip\":0,\"limit\":5}"))
			.exchange().expectStatus().isOk().expectBody(JSON_ARRAY).returnResult().getResponseBody()).singleElement()
			.satisfies(p -> assertThat(p).containsEntry("createdBy", "user1"));
		assertThat(as("admin").get().uri(b -> b.path("/api/v4/PublishedData/count").queryParam("fields", "{f}")
			.build("{\"createdBy\":\"user2\"}")).exchange().expectBody(JSON_OBJECT).returnResult().getResponseBody())
			.containsEntry("count", 1);
	}

	@Test
	void publishingMakesThePublicationAndItsDatasetsPublic() {
		var pid = dataset("group1");
		var doi = create("admin", publication(List.of(pid)));
		as("admin").post().uri("/api/v4/PublishedData/{doi}/publish", doi).exchange().expectStatus().isCreated()
			.expectBody().jsonPath("$.status").isEqualTo("public");
		assertThat(getObject(null, "/api/v4/PublishedData/{doi}", doi)).containsEntry("status", "public");
		assertThat(getObject(null, "/api/v3/Datasets/{pid}", pid)).containsEntry("isPublished", true);
		as("admin").post().uri("/api/v4/PublishedData/{doi}/publish", doi).exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
	}

	@Test
	void publishingADatasetTheCallerMayNotChangeIsRefusedAndChangesNothing() {
		var pid = dataset("group2");
		var doi = create("user1", publication(List.of(pid)));
		as("user1").post().uri("/api/v4/PublishedData/{doi}/publish", doi).exchange().expectStatus().isForbidden();
		assertThat(getObject("user1", "/api/v4/PublishedData/{doi}", doi)).containsEntry("status", "private");
		assertThat(getObject("admin", "/api/v3/Datasets/{pid}", pid)).containsEntry("isPublished", false);
	}

	@Test
	void registeringStampsTheDatasetsAndAmendingFollowsIt() {
		var pid = dataset("group1");
		var doi = create("admin", publication(List.of(pid)));
		as("admin").post().uri("/api/v4/PublishedData/{doi}/amend", doi).exchange().expectStatus().isBadRequest();
		as("admin").post().uri("/api/v4/PublishedData/{doi}/register", doi).exchange().expectStatus().isCreated()
			.expectBody().jsonPath("$.status").isEqualTo("registered").jsonPath("$.registeredTime").exists();
		var dataset = getObject("admin", "/api/v3/Datasets/{pid}", pid);
		assertThat(dataset).containsEntry("isPublished", true);
		assertThat(dataset).extractingByKey("datasetlifecycle", MAP).containsKey("publishedOn");
		as("user1").post().uri("/api/v4/PublishedData/{doi}/amend", doi).exchange().expectStatus().isForbidden();
		as("admin").post().uri("/api/v4/PublishedData/{doi}/amend", doi).exchange().expectStatus().isCreated()
			.expectBody().jsonPath("$.status").isEqualTo("amended");
		patch("admin", "/api/v4/PublishedData/{doi}", Map.of("title", "Late"), doi).expectStatus().isBadRequest();
	}

	@Test
	void onlyOpenPublicationsChangeOrGo() {
		var doi = create("user1", publication(List.of()));
		patch("user1", "/api/v4/PublishedData/{doi}", Map.of("abstract", "Better", "metadata",
				Map.of("publisher", Map.of("name", "PSI", "publisherIdentifierScheme", "ror"))), doi)
			.expectStatus().isOk().expectBody().jsonPath("$.abstract").isEqualTo("Better")
			.jsonPath("$.metadata.publisher.publisherIdentifierScheme").isEqualTo("ror");
		patch("user2", "/api/v4/PublishedData/{doi}", Map.of("abstract", "Mine"), doi).expectStatus().isNotFound();
		as("user1").post().uri("/api/v4/PublishedData/{doi}/publish", doi).exchange().expectStatus().isCreated();
		patch("user1", "/api/v4/PublishedData/{doi}", Map.of("abstract", "Again"), doi).expectStatus().isBadRequest();
		as("archiveManager").delete().uri("/api/v4/PublishedData/{doi}", doi).exchange().expectStatus().isBadRequest();
		as("user1").delete().uri("/api/v4/PublishedData/{doi}", doi).exchange().expectStatus().isForbidden();
		var draft = create("user1", publication(List.of()));
		as("archiveManager").delete().uri("/api/v4/PublishedData/{doi}", draft).exchange().expectStatus().isOk();
		as("archiveManager").delete().uri("/api/v4/PublishedData/{doi}", "missing").exchange().expectStatus()
			.isNotFound();
	}

	@Test
	void theConfigurationIsServedToAnyone() {
		as(null).get().uri("/api/v4/PublishedData/config").exchange().expectStatus().isOk();
	}

	@Test
	void aTextInFieldsFindsPublicationsByWordsOfTheirTitleOrAbstractLiterally() {
		create("user1", publication(List.of()));
		var other = publication(List.of());
		other.put("title", "Powder diffraction (2.5)");
		other.put("abstract", "Nothing else");
		create("user1", other);
		assertThat(textSearch("{\"text\":\"BEAM\"}")).singleElement()
			.satisfies(p -> assertThat(p).containsEntry("title", "Beam study"));
		assertThat(textSearch("{\"text\":\"saw diffraction\"}")).hasSize(2);
		assertThat(textSearch("{\"text\":\"(2.5)\"}")).singleElement()
			.satisfies(p -> assertThat(p).containsEntry("title", "Powder diffraction (2.5)"));
		assertThat(textSearch("{\"text\":\".*\"}")).isEmpty();
		assertThat(textSearch("{\"text\":\"beam\",\"createdBy\":\"user2\"}")).isEmpty();
		as("user1").get().uri(b -> b.path("/api/v4/PublishedData").queryParam("fields", "{f}").build("{\"text\":5}"))
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("fields.text");
	}

	private List<Map<String, Object>> textSearch(String fields) {
		return as("user1").get().uri(b -> b.path("/api/v4/PublishedData").queryParam("fields", "{f}").build(fields))
			.exchange().expectStatus().isOk().expectBody(JSON_ARRAY).returnResult().getResponseBody();
	}

	@Test
	void theFormStartsFromWhatTheCallerMayReadOfTheDataset() {
		var proposal = Map.of("proposalId", "p-form", "title", "Proposal title", "abstract", "Proposal abstract",
				"email", "pi@facility.test", "ownerGroup", "group1");
		created("proposalIngestor", "/api/v3/proposals", proposal);
		var body = new HashMap<String, Object>(Requests.rawDataset("group1"));
		body.put("description", "A run");
		body.put("proposalIds", List.of("p-form"));
		var pid = (String) created("admin", "/api/v3/Datasets", body).get("pid");
		var form = getObject("user1", "/api/v4/PublishedData/formpopulate?pid={pid}", pid);
		assertThat(form).containsEntry("resourceType", "raw").containsEntry("description", "A run")
			.containsEntry("title", "Proposal title").containsEntry("abstract", "Proposal abstract")
			.containsKey("metadata");
		assertThat(getObject("user2", "/api/v3/PublishedData/formpopulate?pid={pid}", pid)).containsOnlyKeys("metadata");
		as("user1").get().uri("/api/v4/PublishedData/formpopulate").exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("pid");
	}

}
