package io.catalog.api.publisheddata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.catalog.api.support.CatalogTest;

/** The v3 routes: SciCat's older shape over the stored current one. */
class PublishedDataControllerTest extends CatalogTest {

	static Map<String, Object> publication(String title) {
		var data = new HashMap<String, Object>();
		data.put("creator", List.of("Ada Lovelace"));
		data.put("affiliation", "Facility");
		data.put("publisher", "PSI");
		data.put("publicationYear", 2026);
		data.put("title", title);
		data.put("abstract", "What we found");
		data.put("dataDescription", "Tomography scans");
		data.put("resourceType", "raw");
		data.put("pidArray", List.of());
		data.put("thumbnail", "data:image/png;base64,AA");
		return data;
	}

	String create(String username, Map<String, Object> body) {
		return (String) created(username, "/api/v3/PublishedData", body).get("doi");
	}

	List<Map<String, Object>> list(String username, String filter) {
		return as(username).get().uri(b -> b.path("/api/v3/publisheddata").queryParam("filter", "{filter}").build(filter))
			.exchange().expectStatus().isOk().expectBody(JSON_ARRAY).returnResult().getResponseBody();
	}

	@Test
	void aCreatedPublicationAnswersInTheOlderShapeAndIsStoredInTheCurrentOne() {
		var answer = created("user1", "/api/v3/PublishedData", publication("Scans"));
		assertThat(answer).containsEntry("creator", List.of("Ada Lovelace")).containsEntry("publisher", "PSI")
			.containsEntry("publicationYear", 2026).containsEntry("pidArray", List.of())
			.containsEntry("status", "pending_registration").doesNotContainKeys("metadata", "createdBy");
		var doi = (String) answer.get("doi");
		assertThat(doi).matches("[0-9a-f-]{36}");
		var stored = getObject("user1", "/api/v4/PublishedData/{doi}", doi);
		assertThat(stored).containsEntry("status", "private").containsEntry("datasetPids", List.of())
			.containsEntry("createdBy", "user1");
		assertThat(stored).extractingByKey("metadata", MAP).containsEntry("publisher", Map.of("name", "PSI"))
			.containsEntry("thumbnail", "data:image/png;base64,AA");
	}

	@Test
	void aDraftIsHiddenFromOthersAsMissing() {
		var doi = create("user1", publication("Scans"));
		as(null).get().uri("/api/v3/PublishedData/{doi}", doi).exchange().expectStatus().isNotFound();
		as("user2").get().uri("/api/v3/PublishedData/{doi}", doi).exchange().expectStatus().isNotFound();
		getObject("admin", "/api/v3/PublishedData/{doi}", doi);
		assertThat(list("user2", "{}")).isEmpty();
		assertThat(list("user1", "{}")).hasSize(1);
	}

	@Test
	void registeringPublishesItForEveryone() {
		var doi = create("admin", publication("Scans"));
		as("admin").post().uri("/api/v3/PublishedData/{doi}/register", doi).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("registered");
		assertThat(getObject(null, "/api/v3/PublishedData/{doi}", doi)).containsEntry("status", "registered")
			.containsKey("registeredTime");
		create("admin", publication("Draft"));
		assertThat(list(null, "{}")).hasSize(1);
		assertThat(list("admin", "{}")).hasSize(2);
		assertThat(getObject(null, "/api/v3/PublishedData/count")).containsEntry("count", 1);
		assertThat(getObject("admin", "/api/v3/PublishedData/count")).containsEntry("count", 2);
	}

	@Test
	void olderFieldNamesFilterAndProject() {
		create("user1", publication("Scans"));
		var other = publication("Spectra");
		other.put("creator", List.of("Grace Hopper"));
		create("user1", other);
		assertThat(list("user1", "{\"where\":{\"creator\":\"Grace Hopper\"}}")).singleElement()
			.satisfies(p -> assertThat(p).containsEntry("title", "Spectra").containsKey("thumbnail"));
		assertThat(list("user1", "{\"where\":{\"creator\":\"Grace Hopper\"},\"fields\":{\"thumbnail\":0,\"creator\":1}}"))
			.singleElement().satisfies(p -> assertThat(p).containsEntry("creator", List.of("Grace Hopper"))
				.doesNotContainKeys("thumbnail", "title"));
		assertThat(list("user1", "{\"where\":{\"creator\":\"Grace Hopper\"},\"fields\":[\"creator\"]}")).singleElement()
			.satisfies(p -> assertThat(p).doesNotContainKey("thumbnail"));
		var headerFilter = as("user1").get().uri("/api/v3/publisheddata")
			.header("filter", "{\"where\":{\"creator\":\"Grace Hopper\"}}").exchange().expectStatus().isOk()
			.expectBody(JSON_ARRAY).returnResult().getResponseBody();
		assertThat(headerFilter).hasSize(1);
		as("user1").get().uri(b -> b.path("/api/v3/publisheddata").queryParam("filter", "{f}").build("{}"))
			.header("filter", "{}").exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
			.isEqualTo("filter");
		as("user1").get().uri(b -> b.path("/api/v3/publisheddata/count").queryParam("filter", "{f}")
			.build("{\"where\":{\"publisher\":\"PSI\"}}")).exchange().expectBody().jsonPath("$.count").isEqualTo(2);
	}

	@Test
	void aPatchChangesTheNamedFieldsAndKeepsTheRest() {
		var doi = create("user1", publication("Scans"));
		patch("user1", "/api/v3/publisheddata/{doi}", Map.of("publisher", "Other press", "doi", doi), doi)
			.expectStatus().isOk().expectBody().jsonPath("$.publisher").isEqualTo("Other press")
			.jsonPath("$.creator[0]").isEqualTo("Ada Lovelace").jsonPath("$.thumbnail").isEqualTo("data:image/png;base64,AA");
		patch("user2", "/api/v3/publisheddata/{doi}", Map.of("title", "Mine"), doi).expectStatus().isForbidden();
		patch("user1", "/api/v3/publisheddata/{doi}", Map.of("doi", "10.5072/other"), doi).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("doi");
	}

	@Test
	void deleteIsForTheDeleteGroupsInAnyState() {
		var doi = create("user1", publication("Scans"));
		as("user1").delete().uri("/api/v3/publisheddata/{doi}", doi).exchange().expectStatus().isForbidden();
		as(null).delete().uri("/api/v3/publisheddata/{doi}", doi).exchange().expectStatus().isUnauthorized();
		as("admin").post().uri("/api/v3/PublishedData/{doi}/register", doi).exchange().expectStatus().isOk();
		as("archiveManager").delete().uri("/api/v3/publisheddata/{doi}", doi).exchange().expectStatus().isOk();
		as("archiveManager").delete().uri("/api/v3/publisheddata/{doi}", doi).exchange().expectStatus().isNotFound();
	}

	@Test
	void missingRequiredAndUnknownFieldsAreRefusedByName() {
		var body = publication("Scans");
		body.remove("pidArray");
		post("user1", "/api/v3/PublishedData", body).expectStatus().isBadRequest().expectBody()
			.jsonPath("$.errors[?(@.field == 'pidArray')]").exists();
		var unknown = publication("Scans");
		unknown.put("datasetPids", List.of("x"));
		post("user1", "/api/v3/PublishedData", unknown).expectStatus().isBadRequest().expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("datasetPids");
		post(null, "/api/v3/PublishedData", publication("Scans")).expectStatus().isUnauthorized();
		assertThat(list("admin", "{}")).isEmpty();
	}

	@Test
	void generatedDoisUseThePrefix() {
		assertThat(new PublishedDataProperties("10.5072/", null).newDoi("abc")).isEqualTo("10.5072/abc");
		assertThat(new PublishedDataProperties("10.5072", null).newDoi("abc")).isEqualTo("10.5072/abc");
		assertThat(new PublishedDataProperties("", null).newDoi("abc")).isEqualTo("abc");
	}

}
