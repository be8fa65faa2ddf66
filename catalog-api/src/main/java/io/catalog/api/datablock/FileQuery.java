package io.catalog.api.datablock;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bson.Document;

import io.catalog.api.document.Catalog;
import io.catalog.api.web.InvalidInputException;

/**
 * SciCat's {@code fields} parameter of {@code /origdatablocks/fullquery} and {@code /fullfacet}: field values
 * ({@code "dataFileList.path": "a.tif"}, a list for any of several, {@code {"$regex": "B410"}} and the comparison
 * operators), {@code text} (a piece of a file path, any case) and {@code userGroups} (blocks one of these groups
 * owns or may read). The operators are read into the catalog's own filter language, so nothing the client writes
 * reaches MongoDB as an operator.
 *
 * @param where the condition on the blocks
 * @param text the piece of path asked for, lower case, empty for any
 */
record FileQuery(Document where, String text) {

	private static final int MAX_LENGTH = 64 * 1024;

	/** SciCat's MongoDB operators and the catalog filter operators they mean. */
	private static final Map<String, String> OPERATORS = Map.ofEntries(Map.entry("$regex", "regexp"),
			Map.entry("$options", "options"), Map.entry("$in", "inq"), Map.entry("$nin", "nin"),
			Map.entry("$eq", "eq"), Map.entry("$ne", "neq"), Map.entry("$gt", "gt"), Map.entry("$gte", "gte"),
			Map.entry("$lt", "lt"), Map.entry("$lte", "lte"), Map.entry("$exists", "exists"));

	static FileQuery read(String fields, ObjectMapper mapper, Catalog catalog) {
		var node = parse(fields, mapper);
		var text = "";
		var conditions = mapper.createObjectNode();
		var clauses = new ArrayList<Document>();
		for (var entry : node.properties()) {
			var key = entry.getKey();
			var value = entry.getValue();
			switch (key) {
				case "text" -> text = value.asText("").toLowerCase(Locale.ROOT);
				case "userGroups" -> clauses.add(groups(value, mapper, catalog));
				case "mode" -> throw new InvalidInputException("fields.mode", "is not supported; give field values instead");
				default -> conditions.set(key, condition(value, mapper, "fields." + key));
			}
		}
		clauses.add(0, catalog.filters().parseWhere(conditions.toString(), BlockKind.ORIG.kind().schema()));
		clauses.removeIf(Document::isEmpty);
		var where = clauses.isEmpty() ? new Document() : clauses.size() == 1 ? clauses.get(0) : new Document("$and", clauses);
		return new FileQuery(where, text);
	}

	/** The condition with the caller's read rule added. */
	Document and(Document rule) {
		if (rule.isEmpty()) {
			return where;
		}
		return where.isEmpty() ? rule : new Document("$and", List.of(where, rule));
	}

	/** Whether a file's path holds the text asked for. */
	boolean matches(Document file) {
		return text.isEmpty() || String.valueOf(file.get("path")).toLowerCase(Locale.ROOT).contains(text);
	}

	private static ObjectNode parse(String fields, ObjectMapper mapper) {
		if (fields == null || fields.isBlank()) {
			return mapper.createObjectNode();
		}
		if (fields.length() > MAX_LENGTH) {
			throw new InvalidInputException("fields", "longer than " + MAX_LENGTH + " characters");
		}
		try {
			if (mapper.readTree(fields) instanceof ObjectNode object) {
				return object;
			}
		}
		catch (JsonProcessingException ex) {
			throw new InvalidInputException("fields", "is not a valid JSON object: " + ex.getOriginalMessage());
		}
		throw new InvalidInputException("fields", "must be a JSON object");
	}

	private static JsonNode condition(JsonNode value, ObjectMapper mapper, String at) {
		if (value.isArray()) {
			return mapper.createObjectNode().set("inq", value);
		}
		if (!value.isObject()) {
			return value;
		}
		var translated = mapper.createObjectNode();
		for (var entry : value.properties()) {
			var operator = OPERATORS.get(entry.getKey());
			if (operator == null) {
				throw new InvalidInputException(at + "." + entry.getKey(),
						"unknown operator; allowed: " + String.join(", ", OPERATORS.keySet()));
			}
			translated.set(operator, entry.getValue());
		}
		return translated;
	}

	private static Document groups(JsonNode value, ObjectMapper mapper, Catalog catalog) {
		var list = value.isArray() ? value : mapper.createArrayNode().add(value);
		var any = mapper.createObjectNode().set("inq", list);
		var either = mapper.createObjectNode();
		either.set("or", mapper.createArrayNode().add(mapper.createObjectNode().set("ownerGroup", any))
			.add(mapper.createObjectNode().set("accessGroups", any.deepCopy())));
		return catalog.filters().parseWhere(either.toString(), BlockKind.ORIG.kind().schema());
	}

}
