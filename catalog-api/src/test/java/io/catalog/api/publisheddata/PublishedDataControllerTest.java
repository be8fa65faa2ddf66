package io.catalog.api.publisheddata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import io.catalog.api.support.CatalogTest;

class PublishedDataControllerTest extends CatalogTest {

	static Map<String, Object> publication(String title) {
		var data = new HashMap<String, Object>();
		data.put("creator", List.of("Ada Lovelace"));
		data.put("publisher", "PSI");
		data.put("publicationYear", 2026);
		data.put("title", title);
		data.put("abstract", "What we found");
		data.put("dataDescription", "Tomography scans");
		data.put("resourceType", "raw");
		data.put("pidArray", List.of("test.prefix/one"));
		return data;
	}

	ResponseSpec post(String username, Map<String, Object> body) {
		return as(username).post().uri("/api/v3/PublishedData").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body).exchange();
	}

	String create(String username, Map<String, Object> body) {
		return (String) post(username, body).expectStatus().isCreated()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			}).returnResult().getResponseBody().get("doi");
	}

	ResponseSpec patch(String username, String doi, Map<String, Object> body) {
		return as(username).patch().uri("/api/v3/publisheddata/{doi}", doi).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body).exchange();
	}

	List<Map<String, Object>> list(String username, String filter) {
		return as(username).get().uri(b -> b.path("/api/v3/publisheddata").queryParam("filter", "{filter}").build(filter))
			.exchange().expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			}).returnResult().getResponseBody();
	}

	@Test
	void createdPublicationIsPrivateAndReadsBackUnderItsDoi() {
		var doi = create("user1", publication("Scans"));
		assertThat(doi).matches("[0-9a-f-]{36}");
		as("user1").get().uri("/api/v4/PublishedData/{doi}", doi).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.doi").isEqualTo(doi).jsonPath("$.status").isEqualTo("private")
			.jsonPath("$.publicationYear").isEqualTo(2026).jsonPath("$.createdBy").isEqualTo("user1");
		var chosen = publication("Chosen");
		chosen.put("doi", "10.5072/chosen");
		assertThat(create("user2", chosen)).isEqualTo("10.5072/chosen");
		as(null).get().uri("/api/v3/publisheddata/{doi}", "10.5072/chosen").exchange().expectStatus().isForbidden();
	}

	@Test
	void generatedDoisUseThePrefix() {
		assertThat(new PublishedDataProperties("10.5072/").newDoi("abc")).isEqualTo("10.5072/abc");
		assertThat(new PublishedDataProperties("10.5072").newDoi("abc")).isEqualTo("10.5072/abc");
		assertThat(new PublishedDataProperties("").newDoi("abc")).isEqualTo("abc");
	}

	@Test
	void duplicateDoiIsConflict() {
		var body = publication("Scans");
		body.put("doi", "10.5072/dup");
		create("user1", body);
		post("user2", body).expectStatus().isEqualTo(409);
		assertThat(list("admin", "{}")).singleElement().satisfies(p -> assertThat(p).containsEntry("createdBy", "user1"));
	}

	@Test
	void anonymousCallersSeeOnlyPublicStates() {
		create("user1", publication("Private one"));
		for (String status : List.of("public", "registered", "amended")) {
			var body = publication(status);
			body.put("status", status);
			create("user1", body);
		}
		assertThat(list(null, "{}")).extracting(p -> p.get("status"))
			.containsExactlyInAnyOrder("public", "registered", "amended");
		assertThat(list("user4", "{}")).hasSize(4);
		assertThat(list("admin", "{}")).hasSize(4);
		as(null).get().uri("/api/v3/publisheddata/count").exchange().expectBody().jsonPath("$.count").isEqualTo(3);
		as("user2").get().uri("/api/v3/publisheddata/count").exchange().expectBody().jsonPath("$.count").isEqualTo(4);
	}

	@Test
	void anySignedInUserCreates() {
		post(null, publication("Scans")).expectStatus().isUnauthorized();
		create("user4", publication("Scans"));
		create("admin", publication("Scans"));
		assertThat(list("admin", "{}")).hasSize(2);
	}

	@Test
	void missingRequiredUnknownFieldsAndBadStatusAreRefusedByName() {
		var body = publication("Scans");
		body.remove("pidArray");
		post("user1", body).expectStatus().isBadRequest().expectBody()
			.jsonPath("$.errors[?(@.field == 'pidArray')]").exists();
		var unknown = publication("Scans");
		unknown.put("datasetPids", List.of("x"));
		post("user1", unknown).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
			.isEqualTo("datasetPids");
		var badYear = publication("Scans");
		badYear.put("publicationYear", 2026.5);
		post("user1", badYear).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
			.isEqualTo("publicationYear");
		var badStatus = publication("Scans");
		badStatus.put("status", "secret");
		post("user1", badStatus).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
			.isEqualTo("status");
		assertThat(list("admin", "{}")).isEmpty();
	}

	@Test
	void statusMovesOnlyForward() {
		var doi = create("user1", publication("Scans"));
		patch("user1", doi, Map.of("status", "public")).expectStatus().isOk().expectBody().jsonPath("$.status")
			.isEqualTo("public");
		patch("user1", doi, Map.of("status", "private")).expectStatus().isBadRequest().expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("status");
		patch("user1", doi, Map.of("status", "amended")).expectStatus().isOk();
		patch("admin", doi, Map.of("status", "registered")).expectStatus().isBadRequest();
		patch("user1", doi, Map.of("status", "unknown")).expectStatus().isBadRequest();
		as(null).get().uri("/api/v3/publisheddata/{doi}", doi).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.status").isEqualTo("amended");
	}

	@Test
	void patchIsForTheCreatorOrAdmins() {
		var doi = create("user1", publication("Scans"));
		patch("user1", doi, Map.of("title", "Better scans", "doi", doi)).expectStatus().isOk().expectBody()
			.jsonPath("$.title").isEqualTo("Better scans").jsonPath("$.updatedBy").isEqualTo("user1");
		patch("user2", doi, Map.of("title", "Mine")).expectStatus().isForbidden();
		patch("user1", doi, Map.of("doi", "10.5072/other")).expectStatus().isBadRequest().expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("doi");
		patch("admin", doi, Map.of("url", "https://doi.example/scans")).expectStatus().isOk();
		as("user2").get().uri("/api/v3/publisheddata/{doi}", doi).exchange().expectBody().jsonPath("$.title")
			.isEqualTo("Better scans").jsonPath("$.url").isEqualTo("https://doi.example/scans");
	}

	@Test
	void deleteIsForTheCreatorWhilePrivateOrAdmins() {
		var doi = create("user1", publication("Scans"));
		as("user2").delete().uri("/api/v3/publisheddata/{doi}", doi).exchange().expectStatus().isForbidden();
		as("user1").delete().uri("/api/v3/publisheddata/{doi}", doi).exchange().expectStatus().isOk();
		var published = create("user1", publication("Out"));
		patch("user1", published, Map.of("status", "public")).expectStatus().isOk();
		as("user1").delete().uri("/api/v3/publisheddata/{doi}", published).exchange().expectStatus().isForbidden();
		as(null).delete().uri("/api/v3/publisheddata/{doi}", published).exchange().expectStatus().isUnauthorized();
		assertThat(list("admin", "{}")).extracting(p -> p.get("doi")).containsExactly(published);
		as("admin").delete().uri("/api/v3/publisheddata/{doi}", published).exchange().expectStatus().isOk();
		assertThat(list("admin", "{}")).isEmpty();
	}

	@Test
	void filterAndCount() {
		create("user1", publication("Scans"));
		var other = publication("Spectra");
		other.put("publicationYear", 2025);
		create("user1", other);
		assertThat(list("user1", "{\"where\":{\"publicationYear\":2025}}")).singleElement()
			.satisfies(p -> assertThat(p).containsEntry("title", "Spectra"));
		as("user1").get().uri(b -> b.path("/api/v3/publisheddata/count").queryParam("filter", "{f}")
			.build("{\"where\":{\"title\":\"Scans\"}}")).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.count").isEqualTo(1);
	}

}
