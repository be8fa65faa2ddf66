package io.catalog.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import io.catalog.api.support.CatalogTest;

/** Optimistic concurrency with {@code If-Unmodified-Since}, decided in the store's write itself. */
class UnmodifiedSinceTest extends CatalogTest {

	private static final String SAMPLE = "/api/v3/Samples/{id}";

	private static final String DATASET = "/api/v4/datasets/{id}";

	private int write(HttpMethod method, String path, Object id, String since, Map<String, Object> body) {
		return as("user1").method(method).uri(path, id).contentType(MediaType.APPLICATION_JSON)
			.header("If-Unmodified-Since", since).bodyValue(body).exchange().returnResult(String.class).getStatus().value();
	}

	private int patch(Object id, String since, String description) {
		return write(HttpMethod.PATCH, SAMPLE, id, since, Map.of("description", description));
	}

	private Map<String, Object> sample() {
		return created("user1", "/api/v3/Samples", Map.of("ownerGroup", "group1", "description", "a crystal"));
	}

	@Test
	void ofTwoUpdatesFromTheSameVersionOneWinsAndTheOtherIs412() {
		var created = sample();
		var id = created.get("sampleId");
		var since = (String) created.get("updatedAt");
		var first = CompletableFuture.supplyAsync(() -> patch(id, since, "one"));
		var second = CompletableFuture.supplyAsync(() -> patch(id, since, "two"));
		assertThat(List.of(first.join(), second.join())).containsExactlyInAnyOrder(200, 412);
		// a client that read the document before either change is refused too, and nothing of its body is written
		assertThat(patch(id, since, "three")).isEqualTo(412);
		assertThat(getObject("user1", SAMPLE, id).get("description")).isIn("one", "two");
	}

	@Test
	void aCurrentVersionOrALaterDateUpdatesAndAnUnreadableHeaderIsIgnoredAsSciCatDoes() {
		var created = sample();
		var id = created.get("sampleId");
		assertThat(patch(id, (String) created.get("updatedAt"), "one")).isEqualTo(200);
		var later = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().plusSeconds(5).atOffset(ZoneOffset.UTC));
		assertThat(patch(id, later, "two")).isEqualTo(200);
		assertThat(patch(id, "not a date", "three")).isEqualTo(200);
		assertThat(getObject("user1", SAMPLE, id)).containsEntry("description", "three");
	}

	@Test
	void aWholeReplacementIsConditionalToo() {
		var dataset = Map.<String, Object>of("type", "derived", "ownerGroup", "group1", "contactEmail", "grace@facility.test",
				"sourceFolder", "/data/analysis/7", "creationTime", "2026-04-01T08:00:00Z", "datasetName", "fit 7",
				"principalInvestigators", List.of("Grace"));
		var created = created("user1", "/api/v4/datasets", dataset);
		var pid = created.get("pid");
		var since = (String) created.get("updatedAt");
		assertThat(write(HttpMethod.PATCH, DATASET, pid, since, Map.of("description", "changed"))).isEqualTo(200);
		assertThat(write(HttpMethod.PUT, DATASET, pid, since, dataset)).isEqualTo(412);
		assertThat(getObject("user1", DATASET, pid)).containsEntry("description", "changed");
	}

	@Test
	void anHttpDateCoversItsWholeSecond() {
		var instant = Instant.parse("2026-12-02T10:00:00.750Z");
		var header = DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
		assertThat(UnmodifiedSince.parse(header)).hasValueSatisfying(since -> assertThat(since).isAfter(instant));
		assertThat(UnmodifiedSince.parse("2026-12-02T10:00:00.750Z")).contains(instant);
		assertThat(UnmodifiedSince.parse("yesterday")).isEmpty();
	}

}
