package io.catalog.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.Requests;

/** Every refusal is a problem detail that also carries NestJS's statusCode and message. */
class ProblemHandlerTest extends CatalogTest {

	@Test
	void notFoundIsAProblemWithSciCatFields() {
		as("admin").get().uri("/api/v3/datasets/missing").exchange().expectStatus().isNotFound()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.status").isEqualTo(404).jsonPath("$.statusCode").isEqualTo(404)
			.jsonPath("$.message").isEqualTo("Dataset missing not found");
	}

	@Test
	void forbiddenAndConflictCarryTheirReason() {
		post("user1", "/api/v3/datasets", Requests.rawDataset("group4")).expectStatus().isForbidden()
			.expectBody().jsonPath("$.statusCode").isEqualTo(403)
			.jsonPath("$.message").isEqualTo("Unauthorized to create this dataset");
		var dataset = Requests.rawDataset("group2");
		dataset.put("pid", "test.prefix/twice");
		created("user2", "/api/v3/datasets", dataset);
		post("user2", "/api/v3/datasets", dataset).expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.statusCode").isEqualTo(409);
	}

	@Test
	void wrongJsonTypeForTheWholeBodyIsBadRequest() {
		as("user1").post().uri("/api/v3/datasets").contentType(MediaType.APPLICATION_JSON).bodyValue("[1,2]")
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.statusCode").isEqualTo(400);
	}

	@Test
	void unknownRouteIs404Problem() {
		as(null).get().uri("/api/v3/nothing-here").exchange().expectStatus().isNotFound();
		post(null, "/api/v3/auth/login", Map.of("username", "x", "password", "y")).expectStatus().isUnauthorized()
			.expectBody().jsonPath("$.statusCode").isEqualTo(401);
	}

	@Test
	void whatIsLoggedOfAFailureCannotBreakALine() {
		var failure = new IllegalArgumentException("unit m\r\n2026-01-01 INFO forged line");
		var logged = ProblemHandler.printable(failure);
		assertThat(logged.getMessage()).doesNotContain("\n").doesNotContain("\r").contains("\\u000d\\u000a");
		assertThat(logged.getStackTrace()).isEqualTo(failure.getStackTrace());
	}

}
