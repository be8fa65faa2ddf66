package io.catalog.sdk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Builds SciCat's LoopBack filter JSON: {@code where} conditions, {@code fields}, {@code include} and {@code limits}.
 * <pre>{@code Filter.where("ownerGroup", "p1").and("size", Filter.gt(1000)).limit(10).order("creationTime", false).toJson()}</pre>
 */
public final class Filter {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Map<String, Object> where = new LinkedHashMap<>();

	private final List<String> fields = new ArrayList<>();

	private final List<Map<String, String>> include = new ArrayList<>();

	private final Map<String, Object> limits = new LinkedHashMap<>();

	private Filter() {
	}

	/** A filter without conditions. */
	public static Filter all() {
		return new Filter();
	}

	/** A filter whose field equals the value, or meets the condition built with {@link #gt} and friends. */
	public static Filter where(String field, Object valueOrCondition) {
		return new Filter().and(field, valueOrCondition);
	}

	public Filter and(String field, Object valueOrCondition) {
		where.put(field, valueOrCondition);
		return this;
	}

	public static Map<String, Object> gt(Object value) {
		return Map.of("gt", value);
	}

	public static Map<String, Object> gte(Object value) {
		return Map.of("gte", value);
	}

	public static Map<String, Object> lt(Object value) {
		return Map.of("lt", value);
	}

	public static Map<String, Object> lte(Object value) {
		return Map.of("lte", value);
	}

	public static Map<String, Object> between(Object low, Object high) {
		return Map.of("between", List.of(low, high));
	}

	public static Map<String, Object> inq(Object... values) {
		return Map.of("inq", List.of(values));
	}

	public static Map<String, Object> like(String pattern) {
		return Map.of("like", pattern);
	}

	public static Map<String, Object> ilike(String pattern) {
		return Map.of("ilike", pattern);
	}

	public Filter fields(String... names) {
		fields.addAll(List.of(names));
		return this;
	}

	public Filter include(String relation) {
		include.add(Map.of("relation", relation));
		return this;
	}

	public Filter limit(int limit) {
		limits.put("limit", limit);
		return this;
	}

	public Filter skip(int skip) {
		limits.put("skip", skip);
		return this;
	}

	public Filter order(String field, boolean ascending) {
		limits.merge("order", field + (ascending ? ":asc" : ":desc"), (a, b) -> a + "," + b);
		return this;
	}

	/** The {@code where} part alone, as the {@code count} operations take it. */
	public String whereJson() {
		return write(where);
	}

	/** The whole filter, as the {@code filter} parameters take it. */
	public String toJson() {
		var filter = new LinkedHashMap<String, Object>();
		if (!where.isEmpty()) {
			filter.put("where", where);
		}
		if (!fields.isEmpty()) {
			filter.put("fields", fields);
		}
		if (!include.isEmpty()) {
			filter.put("include", include);
		}
		if (!limits.isEmpty()) {
			filter.put("limits", limits);
		}
		return write(filter);
	}

	private static String write(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("filter values must be JSON values", ex);
		}
	}

}
