package io.catalog.api.datablock;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;

import io.catalog.api.schema.Json;
import io.catalog.api.web.InvalidInputException;

/**
 * Counts for SciCat's {@code fullfacet} answer over the blocks one search finds: per facet field, how many blocks
 * hold each value (a list counts once per element, a date per day), the most recent or greatest value first, and in
 * {@code all} how many blocks (or files) there are. Not thread-safe: one per request, fed in order.
 */
final class FacetCounts {

	/** The most facet fields one request may ask for. */
	static final int MAX_FACETS = 32;

	/** The most distinct values counted per facet; further values are left out. */
	static final int MAX_VALUES = 10_000;

	private final List<String> names;

	private final FileQuery query;

	private final Map<String, Map<Object, Integer>> counts = new LinkedHashMap<>();

	private long total;

	FacetCounts(List<String> names, FileQuery query) {
		this.names = names;
		this.query = query;
		names.forEach(name -> counts.put(name, new HashMap<>()));
	}

	FileQuery query() {
		return query;
	}

	/** Reads the {@code facets} parameter: a JSON array of field names. */
	static List<String> names(String facets, ObjectMapper mapper) {
		if (facets == null || facets.isBlank()) {
			return List.of();
		}
		JsonNode node;
		try {
			node = mapper.readTree(facets);
		}
		catch (JsonProcessingException ex) {
			throw new InvalidInputException("facets", "is not a JSON array of field names: " + ex.getOriginalMessage());
		}
		if (!node.isArray() || node.size() > MAX_FACETS) {
			throw new InvalidInputException("facets", "must be a JSON array of at most " + MAX_FACETS + " field names");
		}
		var names = new ArrayList<String>();
		node.forEach(name -> {
			if (!name.isTextual() || !BlockKind.ORIG.kind().schema().typeOf(name.asText()).isPresent()) {
				throw new InvalidInputException("facets", name + " is not a field of an origdatablock");
			}
			names.add(name.asText());
		});
		return names;
	}

	void add(Document block, long weight) {
		total += weight;
		for (String name : names) {
			var value = block.get(name);
			var values = value instanceof Collection<?> many ? many : value == null ? List.of() : List.of(value);
			var tally = counts.get(name);
			for (Object one : values) {
				var key = key(one);
				if (tally.containsKey(key) || tally.size() < MAX_VALUES) {
					tally.merge(key, 1, Integer::sum);
				}
			}
		}
	}

	Map<String, Object> result() {
		var result = new LinkedHashMap<String, Object>();
		counts.forEach((name, tally) -> {
			var buckets = new ArrayList<Map<String, Object>>();
			tally.forEach((value, count) -> {
				var bucket = new LinkedHashMap<String, Object>();
				bucket.put("_id", Json.toJson(value));
				bucket.put("count", count);
				buckets.add(bucket);
			});
			buckets.sort(Comparator.comparing((Map<String, Object> b) -> String.valueOf(b.get("_id"))).reversed());
			result.put(name, buckets);
		});
		result.put("all", total == 0 ? List.of() : List.of(Map.of("totalSets", total)));
		return result;
	}

	/** A date counts by its day, as SciCat groups it. */
	private static Object key(Object value) {
		if (value instanceof Date date) {
			var day = date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
			var key = new Document("year", day.getYear());
			key.put("month", day.getMonthValue());
			key.put("day", day.getDayOfMonth());
			return key;
		}
		return value;
	}

}
