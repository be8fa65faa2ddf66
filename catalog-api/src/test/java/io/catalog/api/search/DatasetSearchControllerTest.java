package io.catalog.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class DatasetSearchControllerTest extends DatasetSearchTest {

	@Test
	void facetCountsShowASignedInCallerTheirGroupsAndThePublishedOnlyWhenAsked() {
		seed();
		assertThat(total(facets(null, "{}"))).isEqualTo(1);
		assertThat(total(facets("user1", "{}"))).isEqualTo(2);
		assertThat(counts(facets("user1", "{}"), "ownerGroup")).containsOnly(Map.entry("group1", 2L));
		assertThat(total(facets("user1", "{\"isPublished\":true}"))).isEqualTo(1);
		assertThat(total(facets("user4", "{}"))).isZero();
		assertThat(total(facets("user4", "{\"isPublished\":true}"))).isEqualTo(1);
		assertThat(total(facets("admin", "{}"))).isEqualTo(4);
		assertThat(total(facets("archiveManager", "{}"))).isEqualTo(4);
		assertThat(counts(facets("admin", "{}"), "keywords")).containsEntry("xrd", 2L).containsEntry("tomo", 1L);
	}

	@Test
	void facetIgnoresItsOwnSelectionButCountsUnderTheOthers() {
		seed();
		var facets = facets("admin", "{\"ownerGroup\":[\"group1\"]}");
		assertThat(total(facets)).isEqualTo(2);
		assertThat(counts(facets, "ownerGroup")).containsOnlyKeys("group1", "group2", "group3");
		assertThat(counts(facets, "keywords")).containsOnly(Map.entry("xrd", 2L), Map.entry("silicon", 1L));
	}

	@Test
	void sharedWithEmailReadsTheDataset() {
		var dataset = dataset("group3", "shared run", 9, false);
		dataset.put("sharedWith", List.of("user4@facility.test"));
		create(dataset);
		assertThat(total(facets("user4", "{}"))).isEqualTo(1);
		assertThat(total(facets("user2", "{}"))).isZero();
	}

	@Test
	void textSearchRanksNameMatchesFirst() {
		var description = dataset("group1", "plain run", 9, true);
		description.put("description", "a silicon sample");
		var name = dataset("group1", "silicon silicon study", 9, true);
		var unrelated = dataset("group1", "unrelated", 9, true, "gold");
		for (var dataset : List.of(description, name, unrelated)) {
			dataset.put("scientificMetadata", Map.of());
			create(dataset);
		}
		var found = fullquery(null, "{\"text\":\"silicon\"}");
		assertThat(found).extracting(d -> d.get("datasetName")).containsExactly("silicon silicon study", "plain run");
	}

	@Test
	void textSearchFindsByPidAndMetadataValues() {
		var pid = create(dataset("group1", "run", 9, true));
		assertThat(fullquery(null, "{\"text\":\"" + pid + "\"}")).extracting(d -> d.get("pid")).containsExactly(pid);
		assertThat(fullquery(null, "{\"text\":\"wafer\"}")).hasSize(1);
	}

	@Test
	void malformedFieldsAreBadRequest() {
		get("admin", "/api/v3/datasets/fullquery", Map.of("fields", "{text:")).expectStatus().isBadRequest()
			.expectBody(String.class).value(body -> assertThat(body).contains("fields"));
	}

	@Test
	void malformedLimitsAreBadRequest() {
		get("admin", "/api/v3/datasets/fullquery", Map.of("limits", "[1")).expectStatus().isBadRequest()
			.expectBody(String.class).value(body -> assertThat(body).contains("limits"));
	}

	@Test
	void limitOverTheMaximumIsBadRequest() {
		get("admin", "/api/v3/datasets/fullquery", Map.of("limits", "{\"limit\":100000000}")).expectStatus().isBadRequest();
	}

	@Test
	void unknownFacetIsBadRequest() {
		get("admin", "/api/v3/datasets/fullfacet", Map.of("facets", "[\"password\"]")).expectStatus().isBadRequest();
	}

	@Test
	void fullqueryPagesInTheRequestedOrder() {
		seed();
		var page = get("admin", "/api/v4/datasets/fullquery",
				Map.of("fields", "{}", "limits", "{\"limit\":2,\"skip\":1,\"order\":\"datasetName:asc\"}"))
			.expectStatus().isOk().expectBody(JSON_ARRAY).returnResult().getResponseBody();
		assertThat(page).extracting(d -> d.get("datasetName")).containsExactly("hidden run", "public powder");
	}

	@Test
	void aChangeOfOnlyASortFieldReordersThePage() {
		seed();
		var gold = (String) fullquery("admin", "{\"text\":\"gold\"}").get(0).get("pid");
		patch("admin", "/api/v3/datasets/{pid}", Map.of("datasetName", "aardvark gold"), gold).expectStatus().isOk();
		patch("admin", "/api/v3/datasets/{pid}", Map.of("creationTime", "2099-01-01T00:00:00.000Z"), gold)
			.expectStatus().isOk();

		var page = get("admin", "/api/v3/datasets/fullquery",
				Map.of("fields", "{}", "limits", "{\"limit\":1,\"order\":\"creationTime:desc\"}"))
			.expectStatus().isOk().expectBody(JSON_ARRAY).returnResult().getResponseBody();
		assertThat(page).extracting(d -> d.get("datasetName")).containsExactly("aardvark gold");
		assertThat(fullquery("admin", "{\"text\":\"aardvark\"}")).extracting(d -> d.get("pid")).containsExactly(gold);
	}

	@Test
	void countAnswersUnderTheReadRule() {
		seed();
		assertThat(getObject("user1", "/api/v3/datasets/count")).containsEntry("count", 3);
		assertThat(getObject(null, "/api/v3/datasets/count")).containsEntry("count", 1);
		assertThat(getObject("admin", "/api/v3/datasets/count?where={w}", "{\"ownerGroup\":\"group1\"}"))
			.containsEntry("count", 2);
		// newer SciCat clients wrap the condition as a filter in the where parameter
		assertThat(getObject("admin", "/api/v3/datasets/count?where={w}", "{\"where\":{\"ownerGroup\":\"group1\"}}"))
			.containsEntry("count", 2);
	}

	@Test
	void metadataKeysFollowUpdatesAndDeletes() {
		var pid = create(dataset("group1", "run", 9, false));
		assertThat(keys("user1")).containsExactly("energy", "sample");
		assertThat(keys("user2")).isEmpty();
		patch("admin", "/api/v3/datasets/{pid}", Map.of("scientificMetadata",
				Map.of("wavelength", Map.of("value", 1.5, "unit", "Å"))), pid).expectStatus().isOk();
		assertThat(keys("user1")).containsExactly("wavelength");
		as("admin").delete().uri("/api/v3/datasets/{pid}", pid).exchange().expectStatus().isOk();
		assertThat(keys("admin")).isEmpty();
	}

	@Test
	void detailedMetadataKeysCountUsesAndUnits() {
		create(dataset("group1", "a", 9, true));
		var other = dataset("group1", "b", 9, true);
		other.put("scientificMetadata", Map.of("energy", Map.of("value", 9000, "unit", "eV")));
		create(other);
		var keys = get(null, "/api/v3/datasets/metadataKeys", Map.of("detail", "true")).expectStatus().isOk()
			.expectBody(JSON_ARRAY).returnResult().getResponseBody();
		assertThat(keys.get(0)).containsEntry("key", "energy").containsEntry("count", 2)
			.containsEntry("units", List.of("eV", "keV"));
	}

	@Test
	void indexIsRebuiltFromTheStoreAtStartUp() {
		Mono.from(database.getCollection("Dataset").insertOne(new Document("_id", "written/elsewhere")
			.append("ownerGroup", "group1").append("isPublished", true).append("datasetName", "imported")))
			.block(Duration.ofSeconds(10));
		searchIndexes.rebuild().block(Duration.ofSeconds(30));
		assertThat(fullquery(null, "{\"text\":\"imported\"}")).extracting(d -> d.get("pid")).containsExactly("written/elsewhere");
	}

	@SuppressWarnings("unchecked")
	List<String> keys(String username) {
		return get(username, "/api/v3/datasets/metadataKeys", Map.of()).expectStatus().isOk().expectBody(List.class)
			.returnResult().getResponseBody();
	}

	@Test
	void fullquerySortsByAnyFieldTheSchemaKnows() {
		for (var start : List.of("2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z", "2026-01-01T00:00:00Z")) {
			var dataset = dataset("group1", "started " + start.substring(0, 7), 9, true);
			dataset.put("startTime", start);
			create(dataset);
		}
		var order = Map.of("fields", "{}", "limits", "{\"limit\":10,\"order\":\"startTime:desc\"}");
		assertThat(get(null, "/api/v3/datasets/fullquery", order).expectStatus().isOk().expectBody(JSON_ARRAY)
			.returnResult().getResponseBody()).extracting(d -> d.get("datasetName"))
			.containsExactly("started 2026-03", "started 2026-02", "started 2026-01");

		var later = dataset("group1", "started 2026-04", 9, true);
		later.put("startTime", "2026-04-01T00:00:00Z");
		create(later);
		assertThat(get(null, "/api/v3/datasets/fullquery", order).expectStatus().isOk().expectBody(JSON_ARRAY)
			.returnResult().getResponseBody()).extracting(d -> d.get("datasetName")).first().isEqualTo("started 2026-04");
	}

	@Test
	void datasetsAlikeInTheSortFieldComeAsCreated() throws InterruptedException {
		for (var name : List.of("zeta", "alpha", "mid", "beta")) {
			create(dataset("group1", name, 9, true));
			Thread.sleep(5);
		}
		var order = Map.of("fields", "{}", "limits", "{\"limit\":10,\"order\":\"startTime:desc\"}");
		assertThat(get(null, "/api/v3/datasets/fullquery", order).expectStatus().isOk().expectBody(JSON_ARRAY)
			.returnResult().getResponseBody()).extracting(d -> d.get("datasetName"))
			.containsExactly("zeta", "alpha", "mid", "beta");
	}

	@Test
	void sortByAFieldTheSchemaDoesNotKnowIsBadRequest() {
		get("admin", "/api/v3/datasets/fullquery", Map.of("limits", "{\"order\":\"password:asc\"}")).expectStatus()
			.isBadRequest().expectBody(String.class).value(body -> assertThat(body).contains("limits.order"));
	}

	@Test
	void fullfacetCountsAnyFieldTheSchemaKnows() {
		var one = dataset("group1", "a", 9, true);
		one.put("license", "CC-BY-4.0");
		create(one);
		var two = dataset("group1", "b", 9, true);
		two.put("license", "CC0");
		create(two);
		create(dataset("group1", "c", 9, true));
		var facets = get(null, "/api/v3/datasets/fullfacet", Map.of("fields", "{}", "facets", "[\"license\"]"))
			.expectStatus().isOk().expectBody(JSON_ARRAY).returnResult().getResponseBody().get(0);
		assertThat(counts(facets, "license")).containsOnly(Map.entry("CC-BY-4.0", 1L), Map.entry("CC0", 1L));

		var filtered = get(null, "/api/v3/datasets/fullquery", Map.of("fields", "{\"license\":[\"CC0\"]}"))
			.expectStatus().isOk().expectBody(JSON_ARRAY).returnResult().getResponseBody();
		assertThat(filtered).extracting(d -> d.get("datasetName")).containsExactly("b");
	}

	@Test
	void aDescriptionOverTheFreeTextMaximumIsBadRequest() {
		var dataset = dataset("group1", "long", 9, true);
		dataset.put("description", "x".repeat(65_537));
		post("admin", "/api/v3/datasets", dataset).expectStatus().isBadRequest().expectBody(String.class)
			.value(body -> assertThat(body).contains("description").contains("65536"));
		dataset.put("description", "x".repeat(65_536));
		post("admin", "/api/v3/datasets", dataset).expectStatus().isCreated();
	}

}
