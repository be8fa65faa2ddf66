package io.catalog.api.contract;

import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.media.Schema;

/**
 * Writes the catalog's request schemas as OpenAPI (JSON Schema) component schemas; a nested schema that has a
 * contract name of its own becomes a reference to it.
 */
final class SchemaConverter {

	private final Map<io.catalog.api.schema.Schema, String> names;

	SchemaConverter(Map<io.catalog.api.schema.Schema, String> names) {
		this.names = names;
	}

	Schema<Object> object(io.catalog.api.schema.Schema schema) {
		var object = typed("object");
		schema.fields().values().forEach(field -> {
			object.addProperty(field.name(), property(field));
			if (field.required()) {
				object.addRequiredItem(field.name());
			}
		});
		return object;
	}

	private Schema<?> property(io.catalog.api.schema.Schema.Field field) {
		return switch (field.type()) {
			case STRING -> typed("string");
			case NUMBER -> typed("number");
			case INTEGER -> typed("integer").format("int64");
			case SIZE -> typed("number").minimum(java.math.BigDecimal.ZERO);
			case COUNT -> typed("integer").format("int64").minimum(java.math.BigDecimal.ZERO);
			case BOOLEAN -> typed("boolean");
			case DATE -> typed("string").format("date-time");
			case STRINGS -> typed("array").items(typed("string"));
			case OBJECT -> nested(field.nested());
			case OBJECTS -> typed("array").items(nested(field.nested()));
			case ANY -> new Schema<>().description("any JSON value");
		};
	}

	private Schema<?> nested(io.catalog.api.schema.Schema schema) {
		if (schema == null) {
			var free = typed("object");
			free.setAdditionalProperties(true);
			return free;
		}
		var name = names.get(schema);
		return name != null ? reference(name) : object(schema);
	}

	static Schema<Object> reference(String name) {
		var reference = new Schema<Object>();
		reference.set$ref("#/components/schemas/" + name);
		return reference;
	}

	static Schema<Object> typed(String type) {
		var schema = new Schema<Object>();
		schema.setType(type);
		schema.setTypes(Set.of(type));
		return schema;
	}

}
