package io.catalog.api.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.Requests;

/** Pid rules as SciCat's own test configuration sets them. */
@TestPropertySource(properties = { "catalog.dataset.pid-prefix=scicat_testing",
		"catalog.dataset.creation-validation-enabled=true",
		"catalog.dataset.creation-validation-regex=^scicat_testing/[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$" })
class DatasetPidValidationTest extends CatalogTest {

	@Test
	void generatedPidsFollowThePattern() {
		assertThat((String) created("user1", "/api/v3/datasets", Requests.rawDataset("group1")).get("pid"))
			.matches("scicat_testing/[0-9a-f-]{36}");
	}

	@Test
	void chosenPidMustFollowThePattern() {
		var dataset = Requests.rawDataset("group2");
		dataset.put("pid", "scicat_testing/not-a-uuid");
		post("user2", "/api/v3/datasets", dataset).expectStatus().isBadRequest().expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("pid");
		dataset.put("pid", "scicat_testing/3f2504e0-4f89-11d3-9a0c-0305e82c3301");
		assertThat(created("user2", "/api/v3/datasets", dataset)).containsEntry("pid",
				"scicat_testing/3f2504e0-4f89-11d3-9a0c-0305e82c3301");
	}

}
