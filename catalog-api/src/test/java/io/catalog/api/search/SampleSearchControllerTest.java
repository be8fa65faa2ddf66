package io.catalog.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.catalog.api.support.CatalogTest;

class SampleSearchControllerTest extends CatalogTest {

	void sample(String ownerGroup, String description, double temperatureCelsius) {
		var sample = new HashMap<String, Object>();
		sample.put("ownerGroup", ownerGroup);
		sample.put("owner", "Ada");
		sample.put("description", description);
		sample.put("sampleCharacteristics", Map.of("temperature", Map.of("value", temperatureCelsius, "unit", "°C")));
		post("sampleIngestor", "/api/v3/samples", sample).expectStatus().isCreated();
	}

	List<Map<String, Object>> fullquery(String username, String fields) {
		return as(username).get().uri(b -> b.path("/api/v3/samples/fullquery").queryParam("fields", "{f}").build(fields))
			.exchange().expectStatus().isOk().expectBody(JSON_ARRAY).returnResult().getResponseBody();
	}

	@Test
	void characteristicsConditionConvertsUnits() {
		sample("group1", "warm crystal", 25);
		sample("group1", "cold crystal", -100);
		var fields = "{\"characteristics\":[{\"lhs\":\"temperature\",\"relation\":\"GREATER_THAN\",\"rhs\":273.15,\"unit\":\"K\"}]}";
		assertThat(fullquery("user1", fields)).extracting(s -> s.get("description")).containsExactly("warm crystal");
	}

	@Test
	void fullqueryFollowsTheReadRule() {
		sample("group1", "mine", 20);
		sample("group2", "theirs", 20);
		assertThat(fullquery("user1", "{\"text\":\"mine\"}")).hasSize(1);
		assertThat(fullquery("user1", "{\"text\":\"theirs\"}")).isEmpty();
		assertThat(fullquery(null, "{}")).isEmpty();
	}

	@Test
	@SuppressWarnings("unchecked")
	void metadataKeysListTheCharacteristics() {
		sample("group1", "mine", 20);
		var keys = as("user1").get().uri("/api/v3/samples/metadataKeys").exchange().expectStatus().isOk()
			.expectBody(List.class).returnResult().getResponseBody();
		assertThat(keys).containsExactly("temperature");
	}

}
