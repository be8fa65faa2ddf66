package io.catalog.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.Requests;

class MetadataKeyControllerTest extends CatalogTest {

	String create(String ownerGroup, boolean published, Map<String, Object> metadata) {
		var dataset = new HashMap<>(Requests.rawDataset(ownerGroup));
		dataset.put("isPublished", published);
		dataset.put("scientificMetadata", metadata);
		return (String) created("admin", "/api/v3/datasets", dataset).get("pid");
	}

	List<Map<String, Object>> keys(String username, String filter) {
		return as(username).get().uri(b -> b.path("/api/v4/metadatakeys").queryParam("filter", "{f}").build(filter))
			.exchange().expectStatus().isOk().expectBody(JSON_ARRAY).returnResult().getResponseBody();
	}

	@Test
	void eachReaderSeesTheKeysOfWhatItMayRead() {
		create("group1", false, Map.of("energy", Map.of("value", 9, "unit", "keV", "human_name", "Beam energy")));
		create("group2", true, Map.of("temperature", Map.of("value", 300, "unit", "K")));

		assertThat(keys(null, "{}")).extracting(k -> k.get("key")).containsExactly("temperature");
		assertThat(keys("user1", "{}")).extracting(k -> k.get("key")).containsExactlyInAnyOrder("temperature", "energy");
		assertThat(keys("admin", "{}")).extracting(k -> k.get("isPublished")).containsExactlyInAnyOrder(true, false);
		var energy = keys("user1", "{\"where\":{\"key\":\"energy\"}}");
		assertThat(energy).singleElement().satisfies(key -> assertThat(key).containsEntry("sourceType", "dataset")
			.containsEntry("humanReadableName", "Beam energy").containsEntry("userGroups", List.of("group1")));
	}

	@Test
	void entriesOfOneSourceAreFoundByItsId() {
		var pid = create("group1", false, Map.of("a", 1, "b", Map.of("c", 2)));
		create("group1", false, Map.of("d", 1));
		var filter = "{\"where\":{\"sourceType\":\"dataset\",\"sourceId\":\"" + pid + "\"}}";
		assertThat(keys("user1", filter)).extracting(k -> k.get("key")).containsExactly("a", "b");
		assertThat(keys("user2", filter)).isEmpty();
		assertThat(keys("user1", "{\"limits\":{\"limit\":1,\"skip\":0}}")).hasSize(1);
	}

	@Test
	void anUnknownConditionIsBadRequest() {
		as("admin").get().uri(b -> b.path("/api/v4/metadatakeys").queryParam("filter", "{f}")
			.build("{\"where\":{\"password\":\"x\"}}")).exchange().expectStatus().isBadRequest()
			.expectBody(String.class).value(body -> assertThat(body).contains("filter.where.password"));
	}

}
