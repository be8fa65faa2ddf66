package io.catalog.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.catalog.api.support.CatalogTest;

class ProposalSearchControllerTest extends CatalogTest {

	void proposal(String proposalId, String ownerGroup, String title, String startTime) {
		var proposal = new HashMap<String, Object>();
		proposal.put("proposalId", proposalId);
		proposal.put("ownerGroup", ownerGroup);
		proposal.put("email", "pi@facility.test");
		proposal.put("title", title);
		proposal.put("startTime", startTime);
		post("proposalIngestor", "/api/v3/proposals", proposal).expectStatus().is2xxSuccessful();
	}

	@Test
	void fullqueryFindsByTextAndTimeWindowUnderTheReadRule() {
		proposal("p1", "group1", "Protein crystallography", "2026-01-01T00:00:00Z");
		proposal("p2", "group1", "Protein dynamics", "2025-01-01T00:00:00Z");
		proposal("p3", "group2", "Protein folding", "2026-02-01T00:00:00Z");
		var fields = "{\"text\":\"protein\",\"startTime\":{\"begin\":\"2025-12-01T00:00:00Z\",\"end\":\"2026-12-31T00:00:00Z\"}}";
		var found = as("user1").get().uri(b -> b.path("/api/v3/proposals/fullquery").queryParam("fields", "{f}").build(fields))
			.exchange().expectStatus().isOk().expectBody(JSON_ARRAY).returnResult().getResponseBody();
		assertThat(found).extracting(p -> p.get("proposalId")).containsExactly("p1");
	}

	@Test
	void fullqueryWithoutOrderAnswersInCreationOrderAndListsTheSame() {
		proposal("p9", "group1", "First", "2024-01-01T00:00:00Z");
		proposal("p1", "group1", "Second", "2026-01-01T00:00:00Z");
		proposal("p5", "group1", "Third", "2025-01-01T00:00:00Z");
		var found = as("user1").get().uri("/api/v3/proposals/fullquery").exchange().expectStatus().isOk()
			.expectBody(JSON_ARRAY).returnResult().getResponseBody();
		assertThat(found).extracting(p -> p.get("proposalId")).containsExactly("p9", "p1", "p5");
		assertThat(getList("user1", "/api/v3/proposals")).extracting(p -> p.get("proposalId"))
			.containsExactly("p9", "p1", "p5");
	}

	@Test
	void fullqueryShowsOthersPublishedProposalsOnlyWhenAskedFor() {
		proposal("p1", "group1", "Mine", "2026-01-01T00:00:00Z");
		proposal("p2", "group2", "Theirs", "2026-01-01T00:00:00Z");
		patch("admin", "/api/v3/proposals/{id}", Map.of("isPublished", true), "p2").expectStatus().isOk();
		assertThat(fullquery("user1", "{}")).extracting(p -> p.get("proposalId")).containsExactly("p1");
		assertThat(fullquery("user1", "{\"isPublished\":true}")).extracting(p -> p.get("proposalId"))
			.containsExactly("p2");
		assertThat(fullquery(null, "{}")).extracting(p -> p.get("proposalId")).containsExactly("p2");
	}

	private List<Map<String, Object>> fullquery(String username, String fields) {
		return as(username).get().uri(b -> b.path("/api/v3/proposals/fullquery").queryParam("fields", "{f}").build(fields))
			.exchange().expectStatus().isOk().expectBody(JSON_ARRAY).returnResult().getResponseBody();
	}

	@Test
	@SuppressWarnings("unchecked")
	void fullfacetCountsOwnerGroupsTheCallerMayRead() {
		proposal("p1", "group1", "One", "2026-01-01T00:00:00Z");
		proposal("p2", "group2", "Two", "2026-01-01T00:00:00Z");
		var facets = as("admin").get().uri(b -> b.path("/api/v3/proposals/fullfacet").queryParam("facets", "{f}")
			.build("[\"ownerGroup\"]")).exchange().expectStatus().isOk().expectBody(JSON_ARRAY).returnResult()
			.getResponseBody().get(0);
		assertThat((List<Map<String, Object>>) facets.get("ownerGroup")).hasSize(2);
		assertThat((List<Map<String, Object>>) facets.get("all")).containsExactly(Map.of("totalSets", 2));
	}

	@Test
	@SuppressWarnings("unchecked")
	void fullfacetCountsAnyFieldTheSchemaKnows() {
		var proposal = new HashMap<String, Object>();
		proposal.put("proposalId", "p9");
		proposal.put("ownerGroup", "group1");
		proposal.put("email", "pi@facility.test");
		proposal.put("title", "Nine");
		proposal.put("pi_lastname", "Curie");
		post("proposalIngestor", "/api/v3/proposals", proposal).expectStatus().is2xxSuccessful();
		var facets = as("admin").get().uri(b -> b.path("/api/v3/proposals/fullfacet").queryParam("facets", "{f}")
			.build("[\"pi_lastname\"]")).exchange().expectStatus().isOk().expectBody(JSON_ARRAY).returnResult()
			.getResponseBody().get(0);
		assertThat((List<Map<String, Object>>) facets.get("pi_lastname")).containsExactly(Map.of("_id", "Curie", "count", 1));
	}

}
