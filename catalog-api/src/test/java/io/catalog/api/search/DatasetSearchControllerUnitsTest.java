package io.catalog.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.catalog.api.units.Quantities;

/** The search routes' units: conditions compared in SI, values answered in the query's unit, unknown units named. */
class DatasetSearchControllerUnitsTest extends DatasetSearchTest {

	@Test
	void unitConditionMatchesInAnyCompatibleUnit() {
		seed();
		var fields = "{\"scientific\":[{\"lhs\":\"energy\",\"relation\":\"RANGE\",\"rhs\":[9000,10000],\"unit\":\"eV\"}]}";
		assertThat(fullquery("admin", fields)).extracting(d -> d.get("datasetName"))
			.containsExactlyInAnyOrder("silicon scan", "hidden run");
		assertThat(fullquery("user1", fields)).extracting(d -> d.get("datasetName")).containsExactly("silicon scan");
	}

	@Test
	@SuppressWarnings("unchecked")
	void unitConditionReportsValuesInTheQueryUnit() {
		create(dataset("group1", "run", 9.7, true));
		var fields = "{\"scientific\":[{\"lhs\":\"energy\",\"relation\":\"GREATER_THAN\",\"rhs\":9000,\"unit\":\"eV\"}]}";
		var metadata = (Map<String, Object>) fullquery(null, fields).get(0).get("scientificMetadata");
		var energy = (Map<String, Object>) metadata.get("energy");
		assertThat(energy).containsEntry("queryUnit", "eV").containsEntry("unit", "keV");
		assertThat(((Number) energy.get("valueInQueryUnit")).doubleValue()).isCloseTo(9700, within(1e-6));
	}

	@Test
	void storedQuantitiesCarrySiValues() {
		var pid = create(dataset("group1", "run", 9.7, true));
		var stored = getObject("admin", "/api/v3/datasets/{pid}", pid);
		assertThat(stored.get("scientificMetadata").toString()).contains("unitSI=J").contains("valueSI=1.554");
	}

	@Test
	void unknownUnitIsKeptAndNamedInAHeader() {
		var dataset = dataset("group1", "run", 9, true);
		dataset.put("scientificMetadata", Map.of("distance", Map.of("value", 3, "unit", "furlong")));
		post("admin", "/api/v3/datasets", dataset).expectStatus().isCreated()
			.expectHeader().valueEquals(Quantities.UNKNOWN_UNITS_HEADER, "furlong")
			.expectBody().jsonPath("$.scientificMetadata.distance.value").isEqualTo(3)
			.jsonPath("$.scientificMetadata.distance.valueSI").doesNotExist();
	}

	@Test
	void incompatibleConditionUnitIsBadRequest() {
		seed();
		var fields = "{\"scientific\":[{\"lhs\":\"energy\",\"relation\":\"GREATER_THAN\",\"rhs\":1,\"unit\":\"mm\"}]}";
		get("admin", "/api/v3/datasets/fullquery", Map.of("fields", fields)).expectStatus().isBadRequest()
			.expectBody(String.class).value(body -> assertThat(body).contains("not compatible"));
	}

}
