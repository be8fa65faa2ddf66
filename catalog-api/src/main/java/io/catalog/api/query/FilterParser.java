package io.catalog.api.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.bson.Document;

import io.catalog.api.schema.Schema;
import io.catalog.api.web.InvalidInputException;

/**
 * Reads SciCat's LoopBack filter JSON ({@code where}, {@code fields}, {@code include}, {@code limits}) into a
 * {@link Filter}. Only the LoopBack operators are understood; anything that looks like a database operator is
 * refused, so no client-supplied operator ever reaches MongoDB.
 */
public final class FilterParser {

	/** The longest filter text accepted. */
	static final int MAX_LENGTH = 64 * 1024;

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
		var where = Conditions.where(node.path("where"), schema);
		return new Filter(where, fields(node.path("fields")), include(node.path("include"), relations),
				limit(limits.has("limit") ? limits.path("limit") : node.path("limit")),
				skip(limits.has("skip") ? limits.path("skip") : node.has("skip") ? node.path("skip") : node.path("offset")),
				order(limits.has("order") ? limits.path("order") : limits.has("sort") ? limits.path("sort") : node.path("order")),
				scopes(node.path("include")));
	}

	/**
	 * Parses a bare {@code where} condition (as the {@code count} endpoints take it); one wrapped as a filter
	 * ({@code {"where": {...}}}, as newer SciCat clients send it) is its inner condition.
	 */
	public Document parseWhere(String json, Schema schema) {
		var node = read(json, "where");
		var wrapped = node.size() == 1 ? node.get("where") : null;
		return Conditions.where(wrapped != null && wrapped.isObject() ? wrapped : node, schema);
	}

	/** Parses a {@code limits} parameter on its own. */
	public Filter parseLimits(String json) {
		var node = read(json, "limits");
		return new Filter(new Document(), List.of(), List.of(), limit(node.path("limit")), skip(node.path("skip")),
				order(node.path("order")));
	}

	JsonNode read(String json, String field) {
		if (json == null || json.isBlank()) {
			return MissingNode.getInstance();
		}
		if (json.length() > MAX_LENGTH) {
			throw new InvalidInputException(field, "longer than " + MAX_LENGTH + " characters");
		}
		try {
			return mapper.readTree(json);
		}
		catch (JsonProcessingException ex) {
			var reason = "is not valid JSON: " + ex.getOriginalMessage();
			throw new InvalidInputException(field, reason, "Invalid JSON in " + field + ": " + where(ex));
		}
	}

	/** The fault and its place as JavaScript's JSON reader words them, which SciCat answers. */
	private static String where(JsonProcessingException ex) {
		var location = ex.getLocation();
		var what = ex.getOriginalMessage().contains("double-quote to start field name") ? "Expected double-quoted property name"
				: "Unexpected token";
		if (location == null) {
			return what + " in JSON";
		}
		return what + " in JSON at position " + Math.max(0, location.getCharOffset()) + " (line " + location.getLineNr()
				+ " column " + location.getColumnNr() + ")";
	}

	/** A field name a client wrote, checked as the fields of every filter are (no operator, no empty part). */
	public static String fieldName(String name, String at) {
		return Conditions.field(name, at);
	}

	private static List<String> fields(JsonNode node) {
		if (node.isMissingNode() || node.isNull()) {
			return List.of();
		}
		var names = new ArrayList<String>();
		if (node.isArray()) {
			node.forEach(item -> names.add(Conditions.field(item.asText(), "filter.fields")));
		}
		else if (node.isObject()) {
			node.properties().forEach(e -> {
				if (e.getValue().asBoolean()) {
					names.add(Conditions.field(e.getKey(), "filter.fields"));
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

	/** The {@code scope} of each include item written as an object: its {@code where} and {@code fields}. */
	private static Map<String, Filter.Scope> scopes(JsonNode node) {
		var scopes = new LinkedHashMap<String, Filter.Scope>();
		(node.isArray() ? node : List.of(node)).forEach(item -> {
			var scope = item.path("scope");
			if (item.isObject() && scope.isObject()) {
				scopes.put(item.path("relation").asText(), new Filter.Scope(
						Conditions.where(scope.path("where"), Schema.builder().build()), fields(scope.path("fields"))));
			}
		});
		return scopes;
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
			order.put(Conditions.field(pieces[0], "limits.order"), direction.equals("asc") ? 1 : -1);
		}
		return order;
	}

}
