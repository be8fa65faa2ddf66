package io.catalog.api.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import io.catalog.api.support.CatalogTest;

class InstrumentControllerTest extends CatalogTest {

	static Map<String, Object> instrument(String uniqueName) {
		var instrument = new HashMap<String, Object>();
		instrument.put("uniqueName", uniqueName);
		instrument.put("name", "Instrument " + uniqueName);
		return instrument;
	}

	ResponseSpec post(String username, Map<String, Object> body) {
		return as(username).post().uri("/api/v3/Instruments").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
			.exchange();
	}

	Map<String, Object> create(Map<String, Object> body) {
		return post("admin", body).expectStatus().isCreated()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			}).returnResult().getResponseBody();
	}

	List<Map<String, Object>> list(String username, String filter) {
		return as(username).get().uri(b -> b.path("/api/v3/instruments").queryParam("filter", "{filter}").build(filter))
			.exchange().expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			}).returnResult().getResponseBody();
	}

	@Test
	void createdInstrumentGetsAPrefixedPidAndReadsBack() {
		var body = instrument("tomcat");
		body.put("customMetadata", Map.of("beamline", "X02DA"));
		var created = create(body);
		var pid = (String) created.get("pid");
		assertThat(pid).startsWith("test.prefix/").hasSize("test.prefix/".length() + 36);
		assertThat(created).containsEntry("_id", pid).containsEntry("createdBy", "admin");
		as("user1").get().uri("/api/v4/instruments/{pid}", pid).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.uniqueName").isEqualTo("tomcat").jsonPath("$.customMetadata.beamline").isEqualTo("X02DA");
		assertThat(create(instrument("other"))).containsEntry("customMetadata", Map.of());
	}

	@Test
	void anyoneReadsInstruments() {
		var pid = (String) create(instrument("tomcat")).get("pid");
		for (String username : new String[] { null, "user4", "admin" }) {
			as(username).get().uri("/api/v3/instruments/{pid}", pid).exchange().expectStatus().isOk();
			assertThat(list(username, "{}")).hasSize(1);
		}
		as(null).get().uri("/api/v3/instruments/nope").exchange().expectStatus().isNotFound();
	}

	@Test
	void onlyAdminsCreate() {
		post(null, instrument("tomcat")).expectStatus().isUnauthorized();
		post("user1", instrument("tomcat")).expectStatus().isForbidden();
		post("ingestor", instrument("tomcat")).expectStatus().isForbidden();
		assertThat(list("admin", "{}")).isEmpty();
		create(instrument("tomcat"));
		assertThat(list("admin", "{}")).hasSize(1);
	}

	@Test
	void aTakenUniqueNameIsAConflictOnCreateAndBadInputOnChange() {
		create(instrument("tomcat"));
		post("admin", instrument("tomcat")).expectStatus().isEqualTo(409).expectBody().jsonPath("$.detail")
			.isEqualTo("Instrument with the same unique name already exists");
		var pid = (String) create(instrument("other")).get("pid");
		as("admin").patch().uri("/api/v3/instruments/{pid}", pid).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("uniqueName", "tomcat")).exchange().expectStatus().isBadRequest().expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("uniqueName");
		assertThat(list("admin", "{}")).extracting(i -> i.get("uniqueName")).containsExactlyInAnyOrder("tomcat", "other");
	}

	@Test
	void missingRequiredAndUnknownFieldsAreRefusedByName() {
		var body = instrument("tomcat");
		body.remove("name");
		post("admin", body).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[?(@.field == 'name')]")
			.exists();
		var unknown = instrument("tomcat");
		unknown.put("location", "PSI");
		post("admin", unknown).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
			.isEqualTo("location");
		var chosen = instrument("tomcat");
		chosen.put("pid", "mine");
		post("admin", chosen).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("pid");
		assertThat(list("admin", "{}")).isEmpty();
	}

	@Test
	void adminsChangeAndTheDeleteGroupsDelete() {
		var pid = (String) create(instrument("tomcat")).get("pid");
		as("user1").patch().uri("/api/v3/instruments/{pid}", pid).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Mine")).exchange().expectStatus().isForbidden();
		as(null).patch().uri("/api/v3/instruments/{pid}", pid).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Mine")).exchange().expectStatus().isUnauthorized();
		as("admin").patch().uri("/api/v3/instruments/{pid}", pid).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "TOMCAT beamline")).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.name").isEqualTo("TOMCAT beamline");
		as("admin").patch().uri("/api/v3/instruments/{pid}", pid).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("pid", "other")).exchange().expectStatus().isBadRequest();
		as("admin").delete().uri("/api/v3/instruments/{pid}", pid).exchange().expectStatus().isForbidden();
		as("user1").delete().uri("/api/v3/instruments/{pid}", pid).exchange().expectStatus().isForbidden();
		as(null).delete().uri("/api/v3/instruments/{pid}", pid).exchange().expectStatus().isForbidden();
		assertThat(list(null, "{}")).singleElement().satisfies(i -> assertThat(i).containsEntry("name", "TOMCAT beamline"));
		as("archiveManager").delete().uri("/api/v3/instruments/{pid}", pid).exchange().expectStatus().isOk();
		assertThat(list(null, "{}")).isEmpty();
	}

	@Test
	void aPidMayCarryItsSlashBareOrEncodedAndAPathItsTrailingSlash() {
		var pid = (String) create(instrument("tomcat")).get("pid");
		assertThat(pid).startsWith("test.prefix/");
		var bare = "/api/v3/Instruments/" + pid;
		as(null).get().uri(bare).exchange().expectStatus().isOk().expectBody().jsonPath("$.pid").isEqualTo(pid);
		as(null).get().uri("/api/v3/instruments/{pid}", pid).exchange().expectStatus().isOk();
		as("admin").patch().uri(bare).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Renamed"))
			.exchange().expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("Renamed");
		as(null).get().uri(b -> b.path("/api/v3/Instruments/").queryParam("filter", "{f}")
			.build("{\"where\":{\"name\":\"Renamed\"}}")).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.length()").isEqualTo(1);
		as("admin").delete().uri(bare).exchange().expectStatus().isForbidden();
		as("archiveManager").delete().uri(bare).exchange().expectStatus().isOk();
		as(null).get().uri(bare).exchange().expectStatus().isNotFound();
	}

	@Test
	void filterFindOneAndCount() {
		create(instrument("tomcat"));
		create(instrument("cristal"));
		assertThat(list(null, "{\"where\":{\"uniqueName\":\"cristal\"}}")).singleElement()
			.satisfies(i -> assertThat(i).containsEntry("name", "Instrument cristal"));
		as(null).get().uri(b -> b.path("/api/v3/instruments/findOne").queryParam("filter", "{f}")
			.build("{\"where\":{\"uniqueName\":\"tomcat\"}}")).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.name").isEqualTo("Instrument tomcat");
		as(null).get().uri("/api/v3/instruments/count").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.count").isEqualTo(2);
		as(null).get().uri(b -> b.path("/api/v3/instruments/count").queryParam("where", "{w}")
			.build("{\"uniqueName\":\"tomcat\"}")).exchange().expectBody().jsonPath("$.count").isEqualTo(1);
	}

}
