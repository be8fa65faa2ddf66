package io.catalog.api.schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;

import io.catalog.api.web.FieldError;
import io.catalog.api.web.InvalidInputException;

/**
 * The fields a kind of document accepts, their types and which a create must carry. Reads client JSON
 * into a stored document, refusing unknown fields, wrong types and missing required fields by name.
 */
public final class Schema {

	/** How strictly a request body is read. */
	public enum Mode {
		/** A new document: required fields must be present. */
		CREATE,
		/** A partial update: only the given fields change. */
		UPDATE
	}

	private final Map<String, Field> fields;

	private Schema(Map<String, Field> fields) {
		this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	/** The declared fields, in declaration order. */
	public Map<String, Field> fields() {
		return fields;
	}

	public static Builder builder() {
		return new Builder(new LinkedHashMap<>());
	}

	/** A builder seeded with this schema's fields, to extend or override. */
	public Builder with() {
		return new Builder(new LinkedHashMap<>(fields));
	}

	public boolean has(String name) {
		return fields.containsKey(name);
	}

	/** The type of a dotted path, when the schema declares it. */
	public Optional<FieldType> typeOf(String path) {
		int dot = path.indexOf('.');
		var field = fields.get(dot < 0 ? path : path.substring(0, dot));
		if (field == null) {
			return Optional.empty();
		}
		if (dot < 0) {
			return Optional.of(field.type());
		}
		return field.nested() == null ? Optional.empty() : field.nested().typeOf(path.substring(dot + 1));
	}

	/** Reads a JSON object into a document, or throws with every field at fault. */
	public Document read(Map<String, ?> json, Mode mode) {
		var errors = new ArrayList<FieldError>();
		var document = read(json, mode, "", errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return document;
	}

	private Document read(Map<String, ?> json, Mode mode, String prefix, List<FieldError> errors) {
		var document = new Document();
		json.forEach((name, value) -> {
			var field = fields.get(name);
			if (field == null) {
				errors.add(new FieldError(prefix + name, "property " + name + " should not exist"));
			}
			else if (value == null) {
				if (mode == Mode.CREATE && field.required()) {
					errors.add(new FieldError(prefix + name, "must not be null"));
				}
				document.put(name, null);
			}
			else {
				document.put(name, convert(field, value, mode, prefix + name, errors));
			}
		});
		if (mode == Mode.CREATE) {
			fields.values().stream().filter(f -> f.required() && !json.containsKey(f.name()))
				.forEach(f -> errors.add(new FieldError(prefix + f.name(), "must be " + f.type().description())));
		}
		return document;
	}

	private Object convert(Field field, Object value, Mode mode, String path, List<FieldError> errors) {
		if (field.maxLength() > 0 && value instanceof String text && text.length() > field.maxLength()) {
			errors.add(new FieldError(path, "must be at most " + field.maxLength() + " characters long"));
			return text;
		}
		Object converted = switch (field.type()) {
			case STRING -> value instanceof String ? value : null;
			case NUMBER -> number(value);
			case INTEGER -> integer(number(value));
			case SIZE -> nonNegative(number(value));
			case COUNT -> nonNegative(integer(number(value)));
			case BOOLEAN -> value instanceof Boolean ? value : null;
			case DATE -> value instanceof String s ? Dates.parse(s).orElse(null) : null;
			case STRINGS -> value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)
					? List.copyOf(list) : null;
			case OBJECT -> value instanceof Map<?, ?> map ? object(field, map, mode, path, errors) : null;
			case OBJECTS -> value instanceof List<?> list && list.stream().allMatch(Map.class::isInstance)
					? objects(field, list, mode, path, errors) : null;
			case ANY -> Json.toBson(value, path, errors);
		};
		if (converted == null) {
			errors.add(new FieldError(path, "must be " + field.type().description()));
		}
		return converted;
	}

	private Object object(Field field, Map<?, ?> map, Mode mode, String path, List<FieldError> errors) {
		return field.nested() == null ? Json.toBson(map, path, errors)
				: field.nested().read(Json.stringKeys(map), mode, path + ".", errors);
	}

	private Object objects(Field field, List<?> list, Mode mode, String path, List<FieldError> errors) {
		var result = new ArrayList<>(list.size());
		for (int i = 0; i < list.size(); i++) {
			result.add(object(field, (Map<?, ?>) list.get(i), Mode.CREATE, path + "[" + i + "]", errors));
		}
		return result;
	}

	private static Object number(Object value) {
		if (value instanceof Integer || value instanceof Long || value instanceof Short) {
			return ((Number) value).longValue();
		}
		if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
			double d = ((Number) value).doubleValue();
			return Double.isFinite(d) ? d : null;
		}
		return null;
	}

	private static Object nonNegative(Object number) {
		return number instanceof Number n && n.doubleValue() >= 0 ? number : null;
	}

	private static Long integer(Object number) {
		if (number instanceof Double d) {
			return d == Math.rint(d) && Math.abs(d) < 9e15 ? d.longValue() : null;
		}
		return (Long) number;
	}

	/**
	 * One declared field.
	 *
	 * @param name the JSON name
	 * @param type the JSON type
	 * @param required whether a create must carry it
	 * @param nested the schema of an object or of each object in a list, when declared
	 * @param maxLength the most characters a string may have (0: no bound but the document's)
	 */
	public record Field(String name, FieldType type, boolean required, Schema nested, int maxLength) {

		public Field(String name, FieldType type, boolean required, Schema nested) {
			this(name, type, required, nested, 0);
		}

	}

	/** Declares the fields of a schema. */
	public static final class Builder {

		private final Map<String, Field> fields;

		private Builder(Map<String, Field> fields) {
			this.fields = fields;
		}

		public Builder required(String name, FieldType type) {
			fields.put(name, new Field(name, type, true, null));
			return this;
		}

		public Builder optional(String name, FieldType type) {
			fields.put(name, new Field(name, type, false, null));
			return this;
		}

		public Builder required(String name, FieldType type, Schema nested) {
			fields.put(name, new Field(name, type, true, nested));
			return this;
		}

		public Builder optional(String name, FieldType type, Schema nested) {
			fields.put(name, new Field(name, type, false, nested));
			return this;
		}

		public Builder required(FieldType type, String... names) {
			for (String name : names) {
				required(name, type);
			}
			return this;
		}

		public Builder optional(FieldType type, String... names) {
			for (String name : names) {
				optional(name, type);
			}
			return this;
		}

		/** Bounds the length of the named (declared) string fields. */
		public Builder maxLength(int characters, String... names) {
			for (String name : names) {
				var field = fields.get(name);
				fields.put(name, new Field(name, field.type(), field.required(), field.nested(), characters));
			}
			return this;
		}

		public Builder without(String name) {
			fields.remove(name);
			return this;
		}

		public Schema build() {
			return new Schema(fields);
		}

	}

}
