package io.catalog.api.job;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.Requests;

/** How a v3 create body becomes a v4 one: the user it names and the owner group guessed from its datasets. */
class JobV3MappingTest extends CatalogTest {

	@Test
	void theNamedUsersLatestIdentityDecidesTheGuessedOwnerGroup() {
		var pid = (String) created("ingestor", "/api/v3/datasets", Requests.rawDataset("group1")).get("pid");
		patch("archiveManager", "/api/v3/datasets/{pid}/datasetlifecycle", Map.of("retrievable", true), pid)
			.expectStatus().isOk();
		var body = Map.of("type", "retrieve", "jobParams", Map.of("username", "user1"), "datasetList",
				List.of(Map.of("pid", pid, "files", List.of())));
		post("user1", "/api/v3/jobs", body).expectStatus().isCreated();

		var elsewhere = new Document("userId", "user1").append("created", new Date())
			.append("profile", new Document("username", "user1").append("email", "user1@facility.test")
				.append("accessGroups", List.of("elsewhere")));
		Mono.from(database.getCollection("UserIdentity").insertOne(elsewhere)).block(Duration.ofSeconds(10));

		post("user1", "/api/v3/jobs", body).expectStatus().isForbidden().expectBody()
			.jsonPath("$.message").isEqualTo("Invalid new job. Owner group should be specified.")
			.jsonPath("$.errors[0].field").isEqualTo("ownerGroup");
	}

}
