package io.catalog.api.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;

import io.catalog.api.document.Dates;
import io.catalog.api.document.FieldType;
import io.catalog.api.document.InvalidInputException;
import io.catalog.api.document.Schema;

/**
 * Reads SciCat's LoopBack filter JSON ({@code where}, {@code fields}, {@code include}, {@code limits}) into a
 * {@link Filter}. Only the LoopBack operators are understood; anything that looks like a database operator is
 * refused, so no client-supplied operator ever reaches MongoDB.
 */
public final class FilterParser {

	/** The longest filter text accepted. */
	static final int MAX_LENGTH = 64 * 1024;

	private static final int MAX_DEPTH = 12;

	private static final int MAX_LIST = 10_000;

	private static final int MAX_STRING = 4_096;

	private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_ \\-:/]*(\\.[A-Za-z0-9_][A-Za-z0-9_ \\-:/]*)*");

	private static final Set<String> FILTER_KEYS = Set.of("where", "fields", "include", "limits", "limit", "skip",
			"order", "offset");

	private final ObjectMapper mapper;

	private final int defaultLimit;

	private final int maxLimit;

	public FilterParser(ObjectMapper mapper, int defaultLimit, int maxLimit) {
		this.mapper = mapper;
		this.defaultLimit = defaultLimit;
		this.maxLimit = maxLimit;
	}

	/** Parses the {@code filter} parameter; blank means everything, first page. */
	public Filter parse(String json, Schema schema, Set<String> relations) {
		var node = read(json, "filter");
		if (node.isMissingNode()) {
			return Filter.all(defaultLimit);
		}
		if (!node.isObject()) {
			throw new InvalidInputException("filter", "must be a JSON object");
		}
		node.fieldNames().forEachRemaining(key -> {
			if (!FILTER_KEYS.contains(key)) {
				throw new InvalidInputException("filter." + key, "unknown filter key; use where, fields, include or limits");
			}
		});
		var limits = node.path("limits");
		var where = where(node.path("where"), schema);
		return new Filter(where, fields(node.path("fields")), include(node.path("include"), relations),
				limit(limits.has("limit") ? limits.path("limit") : node.path("limit")),
				skip(limits.has("skip") ? limits.path("skip") : node.has("skip") ? node.path("skip") : node.path("offset")),
				order(limits.has("order") ? limits.path("order") : limits.has("sort") ? limits.path("sort") : node.path("order")));
	}

	/** Parses a bare {@code where} condition (as the {@code count} endpoints take it). */
	public Document parseWhere(String json, Schema schema) {
		return where(read(json, "where"), schema);
	}

	/** Parses a {@code limits} parameter on its own. */
	public Filter parseLimits(String json) {
		var node = read(json, "limits");
		return new Filter(new Document(), List.of(), List.of(), limit(node.path("limit")), skip(node.path("skip")),
				order(node.path("order")));
	}

	JsonNode read(String json, String field) {
		if (json == null || json.isBlank()) {
			return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
		}
		if (json.length() > MAX_LENGTH) {
			throw new InvalidInputException(field, "longer than " + MAX_LENGTH + " characters");
		}
		try {
			return mapper.readTree(json);
		}
		catch (JsonProcessingException ex) {
			throw new InvalidInputException(field, "is not valid JSON: " + ex.getOriginalMessage());
		}
	}

	Document where(JsonNode node, Schema schema) {
		if (node.isMissingNode() || node.isNull()) {
			return new Document();
		}
		return condition(node, schema, "where", 0);
	}

	private Document condition(JsonNode node, Schema schema, String path, int depth) {
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

	private Object predicate(String field, JsonNode value, Schema schema, String at) {
		var type = schema.typeOf(field).orElse(FieldType.ANY);
		if (!value.isObject()) {
			return scalarOrList(value, type, at);
		}
		var predicate = new Document();
		String options = value.path("options").asText("");
		for (var entry : value.properties()) {
			var operator = entry.getKey();
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

	/** Written as {@code $regex} with {@code $options} strings, which every MongoDB (and the embedded store) reads. */
	private static void regex(Document predicate, Pattern pattern) {
		predicate.put("$regex", pattern.pattern());
		if ((pattern.flags() & Pattern.CASE_INSENSITIVE) != 0) {
			predicate.put("$options", "i");
		}
	}

	private static Pattern regex(JsonNode operand, String flags, String at) {
		if (!operand.isTextual() || operand.asText().length() > MAX_STRING) {
			throw new InvalidInputException(at, "must be a pattern string of at most " + MAX_STRING + " characters");
		}
		var text = operand.asText();
		if (text.length() > 1 && text.startsWith("/") && text.lastIndexOf('/') > 0) {
			flags = flags + text.substring(text.lastIndexOf('/') + 1);
			text = text.substring(1, text.lastIndexOf('/'));
		}
		try {
			return Pattern.compile(text, flags.contains("i") ? Pattern.CASE_INSENSITIVE : 0);
		}
		catch (PatternSyntaxException ex) {
			throw new InvalidInputException(at, "is not a valid pattern: " + ex.getDescription());
		}
	}

	private Object scalarOrList(JsonNode value, FieldType type, String at) {
		return value.isArray() ? list(value, type, at) : scalar(value, type, at);
	}

	private List<Object> list(JsonNode value, FieldType type, String at) {
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

	private static String field(String name, String at) {
		if (name.length() > 256 || !FIELD.matcher(name).matches()) {
			throw new InvalidInputException(at, "is not a field name (operators such as $where are not accepted)");
		}
		return name;
	}

	private static List<String> fields(JsonNode node) {
		if (node.isMissingNode() || node.isNull()) {
			return List.of();
		}
		var names = new ArrayList<String>();
		if (node.isArray()) {
			node.forEach(item -> names.add(field(item.asText(), "filter.fields")));
		}
		else if (node.isObject()) {
			node.properties().forEach(e -> {
				if (e.getValue().asBoolean()) {
					names.add(field(e.getKey(), "filter.fields"));
				}
			});
		}
		else {
			throw new InvalidInputException("filter.fields", "must be an array of field names");
		}
		return names;
	}

	private static List<String> include(JsonNode node, Set<String> relations) {
		if (node.isMissingNode() || node.isNull()) {
			return List.of();
		}
		var items = new ArrayList<JsonNode>();
		if (node.isArray()) {
			node.forEach(items::add);
		}
		else {
			items.add(node);
		}
		var names = new ArrayList<String>();
		for (var item : items) {
			var name = item.isObject() ? item.path("relation").asText() : item.asText();
			if (name.equals("all")) {
				names.addAll(relations);
			}
			else if (!relations.contains(name)) {
				throw new InvalidInputException("filter.include", "unknown relation " + name + "; known: " + relations);
			}
			else {
				names.add(name);
			}
		}
		return names;
	}

	private int limit(JsonNode node) {
		if (node.isMissingNode() || node.isNull()) {
			return defaultLimit;
		}
		if (!node.canConvertToInt() || node.asInt() < 0 || !node.isIntegralNumber() && !node.isTextual()) {
			throw new InvalidInputException("limits.limit", "must be a non-negative integer");
		}
		int limit = node.asInt();
		if (limit > maxLimit) {
			throw new InvalidInputException("limits.limit", "must be at most " + maxLimit);
		}
		return limit == 0 ? defaultLimit : limit;
	}

	private static int skip(JsonNode node) {
		if (node.isMissingNode() || node.isNull()) {
			return 0;
		}
		if (!node.canConvertToInt() || node.asInt(-1) < 0) {
			throw new InvalidInputException("limits.skip", "must be a non-negative integer");
		}
		return node.asInt();
	}

	private static Document order(JsonNode node) {
		var order = new Document();
		if (node.isMissingNode() || node.isNull()) {
			return order;
		}
		var parts = new ArrayList<String>();
		if (node.isArray()) {
			node.forEach(item -> parts.add(item.asText()));
		}
		else if (node.isObject()) {
			node.properties().forEach(e -> parts.add(e.getKey() + ":" + e.getValue().asText()));
		}
		else {
			for (String part : node.asText().split(",")) {
				parts.add(part);
			}
		}
		for (String part : parts) {
			var pieces = part.trim().split("[: ]+");
			if (pieces.length == 0 || pieces[0].isEmpty()) {
				continue;
			}
			var direction = pieces.length > 1 ? pieces[1].toLowerCase() : "asc";
			if (!direction.equals("asc") && !direction.equals("desc")) {
				throw new InvalidInputException("limits.order", "direction must be asc or desc, not " + pieces[1]);
			}
			order.put(field(pieces[0], "limits.order"), direction.equals("asc") ? 1 : -1);
		}
		return order;
	}

}
