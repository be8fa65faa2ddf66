package io.catalog.api.publisheddata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.catalog.api.web.FieldError;

/**
 * SciCat's published-data configuration: {@code metadataSchema}, the JSON Schema a publication's {@code metadata}
 * must meet before it is published or registered, and whatever else the file holds for the frontend
 * ({@code uiSchema}), served as it is. Read once at start; a file that is not JSON stops the start.
 */
final class PublishedDataConfig {

	private static final Logger log = LoggerFactory.getLogger(PublishedDataConfig.class);

	private static final String EXAMPLE = "publishedDataConfig.example.json";

	private final Map<String, Object> document;

	private final JsonSchema metadataSchema;

	private final ObjectMapper mapper;

	private PublishedDataConfig(Map<String, Object> document, ObjectMapper mapper) {
		this.document = document;
		this.mapper = mapper;
		var schema = document.get("metadataSchema");
		this.metadataSchema = schema instanceof Map<?, ?> ? JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
			.getSchema(mapper.valueToTree(schema)) : null;
	}

	/** Reads the named file, else the example file in the same folder, else nothing. */
	static PublishedDataConfig load(String file, ObjectMapper mapper) {
		var path = Path.of(file == null || file.isBlank() ? "publishedDataConfig.json" : file);
		if (!Files.isRegularFile(path)) {
			var example = path.resolveSibling(EXAMPLE);
			if (!Files.isRegularFile(example)) {
				log.info("No published-data configuration ({} or {}): metadata is published unchecked", path, example);
				return new PublishedDataConfig(Map.of(), mapper);
			}
			log.info("Published-data configuration {} does not exist; reading {}", path, example);
			path = example;
		}
		try {
			return new PublishedDataConfig(mapper.readValue(path.toFile(), new TypeReference<Map<String, Object>>() {
			}), mapper);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Published-data configuration " + path + " is not a JSON object: "
					+ ex.getMessage(), ex);
		}
	}

	/** The configuration as the frontend reads it. */
	Map<String, Object> document() {
		return document;
	}

	/**
	 * The metadata the schema's defaults give a new publication: each {@code default} of a property, and the
	 * {@code dynamicDefaults} SciCat knows ({@code currentYear}), found through {@code allOf}, {@code anyOf} and
	 * {@code oneOf}; nested objects get their own defaults.
	 */
	Document defaults() {
		return defaultsOf(document.get("metadataSchema"));
	}

	private static Document defaultsOf(Object schema) {
		var defaults = new Document();
		if (!(schema instanceof Map<?, ?> map)) {
			return defaults;
		}
		for (var combined : List.of("allOf", "anyOf", "oneOf")) {
			if (map.get(combined) instanceof List<?> parts) {
				parts.forEach(part -> defaultsOf(part).forEach(defaults::putIfAbsent));
			}
		}
		if (map.get("dynamicDefaults") instanceof Map<?, ?> dynamic) {
			dynamic.forEach((name, function) -> {
				if ("currentYear".equals(function)) {
					defaults.put(String.valueOf(name), Year.now().getValue());
				}
			});
		}
		if (map.get("properties") instanceof Map<?, ?> properties) {
			properties.forEach((name, property) -> {
				if (property instanceof Map<?, ?> definition && definition.containsKey("default")) {
					defaults.putIfAbsent(String.valueOf(name), definition.get("default"));
				}
				else if (property instanceof Map<?, ?> definition && "object".equals(definition.get("type"))) {
					var nested = defaultsOf(definition);
					if (!nested.isEmpty()) {
						defaults.putIfAbsent(String.valueOf(name), nested);
					}
				}
			});
		}
		return defaults;
	}

	/** Why the metadata does not meet the schema, each under {@code metadata}; nothing when there is no schema. */
	List<FieldError> problems(Object metadata) {
		if (metadataSchema == null) {
			return List.of();
		}
		var node = mapper.valueToTree(metadata == null ? Map.of() : metadata);
		return metadataSchema.validate(node).stream()
			.map(ValidationMessage::getMessage)
			.sorted()
			.map(message -> new FieldError("metadata", message.replaceFirst("^\\$", "metadata")))
			.toList();
	}

}
