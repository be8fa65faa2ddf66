package io.catalog.api.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The dataset types a site allows: {@code raw} and {@code derived}, and those of SciCat's {@code datasetTypes.json}
 * ({@code DATASET_TYPES_FILE}, an object of names to types such as {@code {"Custom": "custom"}}). Where that file is
 * missing, its example beside it ({@code datasetTypes.example.json}) is read instead, as SciCat does for its
 * published-data configuration.
 */
final class DatasetTypes {

	private final Set<String> allowed;

	private DatasetTypes(Set<String> allowed) {
		this.allowed = allowed;
	}

	static DatasetTypes load(String file, ObjectMapper mapper) {
		var path = Path.of(file == null || file.isBlank() ? "datasetTypes.json" : file);
		if (!Files.isRegularFile(path)) {
			path = path.resolveSibling("datasetTypes.example.json");
		}
		var types = new LinkedHashSet<String>(Set.of("raw", "derived"));
		if (!Files.isRegularFile(path)) {
			return new DatasetTypes(Set.copyOf(types));
		}
		try {
			types.addAll(mapper.readValue(path.toFile(), new TypeReference<Map<String, String>>() {
			}).values());
			return new DatasetTypes(Set.copyOf(types));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Dataset types file " + path + " is not a JSON object of names to types: "
					+ ex.getMessage(), ex);
		}
	}

	boolean accepts(String type) {
		return allowed.contains(type);
	}

	String describe() {
		return String.join(", ", allowed.stream().sorted().toList());
	}

}
