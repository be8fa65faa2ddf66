package io.catalog.api.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.ObjectId;

import io.catalog.api.web.FieldError;

/** Moves free-form JSON values into and out of stored documents, keeping database operators out. */
public final class Json {

	private static final int MAX_DEPTH = 32;

	private Json() {
	}

	/** Converts a free-form JSON value for storage; refuses keys that MongoDB would read as operators. */
	public static Object toBson(Object value, String path, List<FieldError> errors) {
		return toBson(value, path, errors, 0);
	}

	private static Object toBson(Object value, String path, List<FieldError> errors, int depth) {
		if (depth > MAX_DEPTH) {
			errors.add(new FieldError(path, "nested deeper than " + MAX_DEPTH + " levels"));
			return null;
		}
		if (value instanceof Map<?, ?> map) {
			var document = new Document();
			map.forEach((key, item) -> {
				var name = String.valueOf(key);
				if (name.isEmpty() || name.startsWith("$") || name.indexOf('\0') >= 0) {
					errors.add(new FieldError(path + "." + name, "keys must not be empty or start with $"));
				}
				else {
					document.put(name, toBson(item, path + "." + name, errors, depth + 1));
				}
			});
			return document;
		}
		if (value instanceof List<?> list) {
			var result = new ArrayList<>(list.size());
			for (int i = 0; i < list.size(); i++) {
				result.add(toBson(list.get(i), path + "[" + i + "]", errors, depth + 1));
			}
			return result;
		}
		if (value instanceof Integer || value instanceof Short) {
			return ((Number) value).longValue();
		}
		if (value instanceof BigInteger || value instanceof BigDecimal) {
			return ((Number) value).doubleValue();
		}
		return value;
	}

	/** A JSON object's map with its keys as strings. */
	public static Map<String, Object> stringKeys(Map<?, ?> map) {
		var result = new LinkedHashMap<String, Object>();
		map.forEach((key, value) -> result.put(String.valueOf(key), value));
		return result;
	}

	/** Converts a stored value into plain JSON: dates as ISO-8601 strings, MongoDB object ids as their hex. */
	public static Object toJson(Object value) {
		if (value instanceof Map<?, ?> map) {
			var result = new LinkedHashMap<String, Object>();
			map.forEach((key, item) -> result.put(String.valueOf(key), toJson(item)));
			return result;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(Json::toJson).toList();
		}
		if (value instanceof Date date) {
			return Dates.format(date);
		}
		if (value instanceof ObjectId id) {
			return id.toHexString();
		}
		return value;
	}

}
