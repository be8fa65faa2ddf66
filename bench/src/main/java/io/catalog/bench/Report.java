package io.catalog.bench;

import java.util.List;
import java.util.Map;

/** The bench's table: one column per catalog size. */
final class Report {

	private static final List<String> QUERIES = List.of("fullquery", "fullquery_text", "fullfacet", "count",
			"unit_condition", "metadataKeys", "gui_first_page");

	private Report() {
	}

	@SuppressWarnings("unchecked")
	static String table(List<Map<String, Object>> results) {
		var out = new StringBuilder();
		out.append(String.format("%-40s", "datasets"));
		results.forEach(r -> out.append(String.format("%16s", r.get("n"))));
		out.append('\n');
		out.append(String.format("%-40s", "ingested over HTTP"));
		results.forEach(r -> out.append(String.format("%16s", r.get("ingested_over_http"))));
		out.append('\n');
		for (String key : List.of("sequential_datasets_per_s", "concurrent8_datasets_per_s", "raw_store_datasets_per_s",
				"ratio_to_raw", "concurrent8_two_requests_datasets_per_s", "two_requests_ratio_to_raw")) {
			out.append(String.format("%-40s", "ingest " + key));
			results.forEach(r -> out.append(String.format("%16s", ((Map<String, Object>) r.get("ingest")).get(key))));
			out.append('\n');
		}
		for (String query : QUERIES) {
			for (String p : List.of("p50_ms", "p95_ms")) {
				out.append(String.format("%-40s", query + " " + p));
				results.forEach(r -> out.append(String.format("%16s",
						((Map<String, Map<String, Object>>) r.get("queries")).get(query).get(p))));
				out.append('\n');
			}
		}
		out.append(String.format("%-40s", "restart with index build ms"));
		results.forEach(r -> out.append(String.format("%16s", r.getOrDefault("restart_with_index_build_ms", "-"))));
		out.append('\n');
		out.append(String.format("%-40s", "index build in place ms"));
		results.forEach(r -> out.append(String.format("%16s", r.getOrDefault("index_build_in_place_ms", "-"))));
		return out.append('\n').toString();
	}

}
