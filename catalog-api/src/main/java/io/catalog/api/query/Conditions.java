package io.catalog.api.query;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.BsonRegularExpression;
import org.bson.Document;

import io.catalog.api.schema.Dates;
import io.catalog.api.schema.FieldType;
import io.catalog.api.schema.Schema;
import io.catalog.api.web.InvalidInputException;

/**
 * Translates a LoopBack {@code where} into a MongoDB query built only from the operators it knows, with values
 * typed by the schema (date strings become dates). Field names are checked, so no database operator passes.
 */
final class Conditions {

	private static final int MAX_DEPTH = 12;

	private static final int MAX_LIST = 10_000;

	private static final int MAX_STRING = 4_096;

	private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_ \\-:/]*(\\.[A-Za-z0-9_][A-Za-z0-9_ \\-:/]*)*");

	private Conditions() {
	}

	static Document where(JsonNode node, Schema schema) {
		if (node.isMissingNode() || node.isNull()) {
			return new Document();
		}
		return condition(node, schema, "where", 0);
	}

	private static Document condition(JsonNode node, Schema schema, String path, int depth) {
		if (depth > MAX_DEPTH) {
			throw new InvalidInputException(path, "nested deeper than " + MAX_DEPTH + " levels");
		}
		if (!node.isObject()) {
			throw new InvalidInputException(path, "must be an object of conditions");
		}
		var clauses = new ArrayList<Document>();
		for (var entry : node.properties()) {
			var key = entry.getKey();
			var value = entry.getValue();
			var at = path + "." + key;
			if (key.equals("$and") || key.equals("$or")) {
				key = key.substring(1);
			}
			if (key.equals("and") || key.equals("or")) {
				if (!value.isArray() || value.isEmpty()) {
					throw new InvalidInputException(at, "must be a non-empty array of conditions");
				}
				var parts = new ArrayList<Document>();
				for (int i = 0; i < value.size(); i++) {
					parts.add(condition(value.get(i), schema, at + "[" + i + "]", depth + 1));
				}
				clauses.add(new Document("$" + key, parts));
			}
			else {
				clauses.add(new Document(field(key, at), predicate(key, value, schema, at)));
			}
		}
		if (clauses.size() == 1) {
			return clauses.get(0);
		}
		return clauses.isEmpty() ? new Document() : new Document("$and", clauses);
	}

	private static Object predicate(String field, JsonNode value, Schema schema, String at) {
		var type = schema.typeOf(field).orElse(FieldType.ANY);
		if (!value.isObject()) {
			return scalarOrList(value, type, at);
		}
		var predicate = new Document();
		String options = value.has("$options") ? value.path("$options").asText("") : value.path("options").asText("");
		for (var entry : value.properties()) {
			var operator = mongoAlias(entry.getKey());
			var operand = entry.getValue();
			var where = at + "." + operator;
			switch (operator) {
				case "gt", "gte", "lt", "lte" -> predicate.put("$" + operator, scalar(operand, type, where));
				case "eq" -> predicate.put("$eq", scalar(operand, type, where));
				case "neq" -> predicate.put("$ne", scalar(operand, type, where));
				case "inq", "nin" -> predicate.put(operator.equals("inq") ? "$in" : "$nin", list(operand, type, where));
				case "between" -> {
					var bounds = list(operand, type, where);
					if (bounds.size() != 2) {
						throw new InvalidInputException(where, "must be an array of two values");
					}
					predicate.put("$gte", bounds.get(0));
					predicate.put("$lte", bounds.get(1));
				}
				case "like", "regexp" -> regex(predicate, regex(operand, options.contains("i") ? "i" : "", where));
				case "ilike" -> regex(predicate, regex(operand, "i", where));
				case "nlike" -> predicate.put("$not", regex(operand, options.contains("i") ? "i" : "", where));
				case "nilike" -> predicate.put("$not", regex(operand, "i", where));
				case "exists" -> {
					if (!operand.isBoolean()) {
						throw new InvalidInputException(where, "must be true or false");
					}
					predicate.put("$exists", operand.booleanValue());
				}
				case "options" -> {
				}
				default -> throw new InvalidInputException(where, "unknown operator " + operator
						+ "; allowed: inq, nin, and, or, like, ilike, nlike, nilike, regexp, gt, gte, lt, lte, between, eq, neq, exists");
			}
		}
		return predicate;
	}

	/**
	 * The LoopBack operator a MongoDB-style one stands for ({@code $regex} and {@code $options} as SciCat's v4 filters
	 * write them, {@code $in}, {@code $gt}, ...), so that both read through the same checked translation.
	 */
	private static String mongoAlias(String operator) {
		return switch (operator) {
			case "$regex" -> "regexp";
			case "$options" -> "options";
			case "$in" -> "inq";
			case "$ne" -> "neq";
			case "$nin", "$gt", "$gte", "$lt", "$lte", "$eq", "$exists" -> operator.substring(1);
			default -> operator;
		};
	}

	/** Written as {@code $regex} with {@code $options} strings, which every MongoDB (and the embedded store) reads. */
	private static void regex(Document predicate, BsonRegularExpression pattern) {
		predicate.put("$regex", pattern.getPattern());
		if (!pattern.getOptions().isEmpty()) {
			predicate.put("$options", pattern.getOptions());
		}
	}

	/**
	 * A LoopBack pattern ({@code text} or {@code /text/flags}) in the safe pattern language, rewritten to run in
	 * linear time ({@link SafePattern}); only the {@code i} flag counts.
	 */
	private static BsonRegularExpression regex(JsonNode operand, String flags, String at) {
		if (!operand.isTextual()) {
			throw new InvalidInputException(at, "must be a pattern string");
		}
		var text = operand.asText();
		if (text.length() > 1 && text.startsWith("/") && text.lastIndexOf('/') > 0) {
			flags = flags + text.substring(text.lastIndexOf('/') + 1);
			text = text.substring(1, text.lastIndexOf('/'));
		}
		return new BsonRegularExpression(SafePattern.rewrite(text, at), flags.contains("i") ? "i" : "");
	}

	private static Object scalarOrList(JsonNode value, FieldType type, String at) {
		return value.isArray() ? list(value, type, at) : scalar(value, type, at);
	}

	private static List<Object> list(JsonNode value, FieldType type, String at) {
		if (!value.isArray()) {
			throw new InvalidInputException(at, "must be an array");
		}
		if (value.size() > MAX_LIST) {
			throw new InvalidInputException(at, "holds more than " + MAX_LIST + " values");
		}
		var values = new ArrayList<>(value.size());
		for (int i = 0; i < value.size(); i++) {
			values.add(scalar(value.get(i), type, at + "[" + i + "]"));
		}
		return values;
	}

	private static Object scalar(JsonNode value, FieldType type, String at) {
		if (value.isTextual()) {
			var text = value.asText();
			if (text.length() > MAX_STRING) {
				throw new InvalidInputException(at, "longer than " + MAX_STRING + " characters");
			}
			if (type == FieldType.DATE) {
				return Dates.parse(text).orElseThrow(() -> new InvalidInputException(at, "must be an ISO-8601 date"));
			}
			return text;
		}
		if (value.isIntegralNumber() && value.canConvertToLong()) {
			return value.longValue();
		}
		if (value.isNumber()) {
			return value.doubleValue();
		}
		if (value.isBoolean()) {
			return value.booleanValue();
		}
		if (value.isNull()) {
			return null;
		}
		throw new InvalidInputException(at, "must be a string, number, boolean or null");
	}

	static String field(String name, String at) {
		if (name.length() > 256 || !FIELD.matcher(name).matches()) {
			throw new InvalidInputException(at, "is not a field name (operators such as $where are not accepted)");
		}
		return name;
	}

}
