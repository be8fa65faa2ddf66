package io.catalog.api.job;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.Requests;

/** {@code /api/v4/jobs/stream}: the caller's jobs at once, then again when one changes; bounded. */
class JobStreamControllerTest extends CatalogTest {

	private static final ParameterizedTypeReference<ServerSentEvent<JsonNode>> EVENT = new ParameterizedTypeReference<>() {
	};

	private static String status(ServerSentEvent<JsonNode> event) {
		return event.data().get(0).get("statusCode").asText();
	}

	@Test
	void theJobsComeAtOnceAndAgainWhenOneChanges() {
		var pid = (String) created("ingestor", "/api/v3/datasets", Requests.rawDataset("group1")).get("pid");
		var id = created("user1", "/api/v4/jobs", Map.of("type", "archive", "ownerGroup", "group1", "jobParams",
				Map.of("datasetList", List.of(Map.of("pid", pid, "files", List.of()))))).get("id");

		var events = as("user1").get().uri("/api/v4/jobs/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange()
			.expectStatus().isOk().returnResult(EVENT).getResponseBody();

		StepVerifier.create(events)
			.expectNextMatches(event -> "jobs".equals(event.event()) && event.data().size() == 1
					&& "jobSubmitted".equals(status(event)))
			.then(() -> patch("archiveManager", "/api/v4/jobs/{id}", Map.of("statusCode", "inProgress", "statusMessage",
					"packing"), id).expectStatus().isOk())
			.expectNextMatches(event -> "inProgress".equals(status(event)))
			.thenCancel()
			.verify(Duration.ofSeconds(30));
	}

	@Test
	void aStreamShowsAtMostAHundredJobsAndNothingToTheAnonymous() {
		as("user1").get().uri(b -> b.path("/api/v4/jobs/stream").queryParam("filter", "{f}").build("{\"limit\":500}"))
			.accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("filter.limit");
		as(null).get().uri("/api/v4/jobs/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus()
			.isForbidden();
	}

}
