package io.catalog.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The search calls the bench times, as a signed-in scientist of one group (so the read rule applies). */
final class Queries {

	static final String FACETS = "[\"type\",\"creationLocation\",\"ownerGroup\",\"keywords\"]";

	static final String UNIT_CONDITION = "{\"scientific\":[{\"lhs\":\"photon_energy\",\"relation\":\"RANGE\","
			+ "\"rhs\":[9000,10000],\"unit\":\"eV\"}]}";

	/** The facets the web GUI's search page asks for (catalog-api's static/search.js). */
	static final String GUI_FACETS = "[\"type\",\"creationLocation\",\"ownerGroup\",\"keywords\",\"instrumentIds\","
			+ "\"proposalIds\",\"owner\",\"datasetlifecycle.archivable\",\"datasetlifecycle.retrievable\","
			+ "\"datasetlifecycle.archiveStatusMessage\",\"datasetlifecycle.retrieveStatusMessage\"]";

	private Queries() {
	}

	static Map<String, Object> measure(Http http, int calls) {
		var result = new LinkedHashMap<String, Object>();
		result.put("fullquery", Timings.of(calls, () -> http.get("/api/v3/datasets/fullquery",
				Map.of("fields", "{}", "limits", "{\"limit\":10,\"order\":\"creationTime:desc\"}"))));
		result.put("fullquery_text", Timings.of(calls, () -> http.get("/api/v3/datasets/fullquery",
				Map.of("fields", "{\"text\":\"diffraction\"}", "limits", "{\"limit\":10}"))));
		result.put("fullfacet", Timings.of(calls, () -> http.get("/api/v3/datasets/fullfacet",
				Map.of("fields", "{}", "facets", FACETS))));
		result.put("count", Timings.of(calls, () -> http.get("/api/v3/datasets/count", Map.of())));
		result.put("unit_condition", Timings.of(calls, () -> http.get("/api/v3/datasets/fullquery",
				Map.of("fields", UNIT_CONDITION, "limits", "{\"limit\":10}"))));
		result.put("metadataKeys", Timings.of(calls, () -> http.get("/api/v3/datasets/metadataKeys", Map.of())));
		// what the GUI's search page asks before its first results show, one call after the other (the browser
		// sends them at once, so this is an upper bound)
		result.put("gui_first_page", Timings.of(calls, () -> {
			http.get("/api/v3/datasets/fullquery", Map.of("fields", "{}", "limits",
					"{\"skip\":0,\"limit\":25,\"order\":\"creationTime:desc\"}"));
			http.get("/api/v3/datasets/fullfacet", Map.of("fields", "{}", "facets", GUI_FACETS));
			http.get("/api/v3/datasets/metadataKeys", Map.of("detail", "true"));
		}));
		var total = Http.read(http.get("/api/v3/datasets/count", Map.of())).get("count");
		result.put("readable_datasets", total);
		return result;
	}

}
