package io.catalog.api.logbook;

import org.junit.jupiter.api.Test;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.Requests;

class LogbookControllerTest extends CatalogTest {

	@Test
	void aReadableDatasetHasAnEmptyLogbook() {
		var pid = created("user1", "/api/v3/datasets", Requests.rawDataset("group1")).get("pid");
		as("user1").get().uri("/api/v3/datasets/{pid}/logbook", pid).exchange().expectStatus().isOk().expectBody().isEmpty();
		as("user4").get().uri("/api/v3/datasets/{pid}/logbook", pid).exchange().expectStatus().isForbidden();
		as(null).get().uri("/api/v3/datasets/{pid}/logbook", pid).exchange().expectStatus().isUnauthorized();
		as("user1").get().uri("/api/v3/datasets/{pid}/logbook", "no/such").exchange().expectStatus().isNotFound();
	}

	@Test
	void thereAreNoLogbooks() {
		as("user1").get().uri("/api/v3/logbooks").exchange().expectStatus().isOk().expectBody().json("[]");
	}

}
