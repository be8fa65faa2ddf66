package io.catalog.api.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.SpecVersionDetector;

/**
 * The JSON Schemas of a job configuration ({@code validate} actions, {@code switch} cases): draft-07 unless a
 * schema names its own {@code $schema}, as SciCat's Ajv reads them. A schema that is not one is refused when the
 * configuration is read.
 */
final class JobSchemas {

	private final ObjectMapper mapper;

	JobSchemas(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	/** The schema for a path; {@link IllegalArgumentException} if it is not a JSON Schema. */
	JsonSchema compile(String where, Object schema) {
		JsonNode node = mapper.valueToTree(schema);
		if (!node.isObject() && !node.isBoolean()) {
			throw new IllegalArgumentException("the schema for " + where + " is not a JSON Schema: it must be a mapping");
		}
		var version = node.has("$schema") ? SpecVersionDetector.detectOptionalVersion(node, false)
			.orElse(SpecVersion.VersionFlag.V7) : SpecVersion.VersionFlag.V7;
		var factory = JsonSchemaFactory.getInstance(version);
		var problems = factory.getSchema(SchemaLocation.of(metaSchema(version))).validate(node);
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("the schema for " + where + " is not a JSON Schema: " + problems);
		}
		try {
			return factory.getSchema(node);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("the schema for " + where + " is not a JSON Schema: " + ex.getMessage(), ex);
		}
	}

	private static String metaSchema(SpecVersion.VersionFlag version) {
		return switch (version) {
			case V4 -> SchemaId.V4;
			case V6 -> SchemaId.V6;
			case V7 -> SchemaId.V7;
			case V201909 -> SchemaId.V201909;
			case V202012 -> SchemaId.V202012;
		};
	}

}
