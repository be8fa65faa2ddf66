package io.catalog.api.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.test.web.reactive.server.WebTestClient;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.Requests;

/** What the dataset search tests share: datasets with an energy, a seeded four, and the search routes' answers. */
abstract class DatasetSearchTest extends CatalogTest {

	private static final String FACETS = "[\"type\",\"creationLocation\",\"ownerGroup\",\"keywords\"]";

	static Map<String, Object> dataset(String ownerGroup, String name, double energyKeV, boolean published, String... keywords) {
		var dataset = new HashMap<>(Requests.rawDataset(ownerGroup));
		dataset.put("datasetName", name);
		dataset.put("isPublished", published);
		dataset.put("keywords", List.of(keywords));
		dataset.put("scientificMetadata", Map.of("energy", Map.of("value", energyKeV, "unit", "keV"),
				"sample", Map.of("value", "silicon wafer", "unit", "")));
		return dataset;
	}

	String create(Map<String, Object> dataset) {
		return (String) created("admin", "/api/v3/datasets", dataset).get("pid");
	}

	WebTestClient.ResponseSpec get(String username, String path, Map<String, String> params) {
		return as(username).get().uri(b -> {
			b.path(path);
			params.keySet().forEach(key -> b.queryParam(key, "{" + key + "}"));
			return b.build(params);
		}).exchange();
	}

	List<Map<String, Object>> fullquery(String username, String fields) {
		return get(username, "/api/v3/datasets/fullquery", Map.of("fields", fields)).expectStatus().isOk()
			.expectBody(JSON_ARRAY).returnResult().getResponseBody();
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> facets(String username, String fields) {
		return get(username, "/api/v3/datasets/fullfacet", Map.of("fields", fields, "facets", FACETS)).expectStatus()
			.isOk().expectBody(JSON_ARRAY).returnResult().getResponseBody().get(0);
	}

	@SuppressWarnings("unchecked")
	static long total(Map<String, Object> facets) {
		return ((Number) ((List<Map<String, Object>>) facets.get("all")).get(0).get("totalSets")).longValue();
	}

	@SuppressWarnings("unchecked")
	static Map<Object, Long> counts(Map<String, Object> facets, String facet) {
		var counts = new HashMap<Object, Long>();
		((List<Map<String, Object>>) facets.get(facet))
			.forEach(c -> counts.put(c.get("_id"), ((Number) c.get("count")).longValue()));
		return counts;
	}

	void seed() {
		create(dataset("group1", "silicon scan", 9.7, false, "xrd", "silicon"));
		create(dataset("group1", "gold scan", 12, false, "xrd"));
		create(dataset("group2", "public powder", 8, true, "powder"));
		create(dataset("group3", "hidden run", 9.5, false, "tomo"));
	}

}
