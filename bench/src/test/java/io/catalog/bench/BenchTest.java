package io.catalog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A smoke run of the bench on 50 datasets (40 over HTTP): every number is there (no timing is asserted). */
class BenchTest {

	@Test
	@SuppressWarnings("unchecked")
	void smallRunReportsEveryNumber() throws Exception {
		var result = Bench.run(50, 5, 40);
		var ingest = (Map<String, Object>) result.get("ingest");
		assertThat(ingest).containsOnlyKeys("sequential_datasets_per_s", "concurrent8_datasets_per_s",
				"raw_store_datasets_per_s", "ratio_to_raw", "concurrent8_two_requests_datasets_per_s",
				"two_requests_ratio_to_raw");
		ingest.values().forEach(value -> assertThat(((Number) value).doubleValue()).isPositive());
		var queries = (Map<String, Object>) result.get("queries");
		for (String query : List.of("fullquery", "fullquery_text", "fullfacet", "count", "unit_condition", "metadataKeys")) {
			assertThat((Map<String, Object>) queries.get(query)).as(query).containsKeys("p50_ms", "p95_ms");
		}
		assertThat(((Number) queries.get("readable_datasets")).intValue()).as("group0, shared with group0, or published").isEqualTo(20);
		assertThat(result).containsEntry("ingested_over_http", 40);
		assertThat(Report.table(List.of(result))).contains("fullfacet p95_ms");
		assertThat(result.get("restart_with_index_build_ms")).isNotNull();
	}

}
