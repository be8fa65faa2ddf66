package io.catalog.api.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of what a careless or hostile client sends: JSON values of every shape, field names that look like
 * operators or paths, patterns that backtrack, units Indriya chokes on, LoopBack filters and search fields.
 */
final class HostileJson {

	static final List<String> FIELDS = List.of("datasetName", "pid", "size", "creationTime", "ownerGroup", "keywords",
			"scientificMetadata", "scientificMetadata.area.value", "description", "isPublished", "$where", "a..b", "",
			"__proto__", "sampleId", "proposalId", "datasetId", "type", "accessGroups");

	private static final List<String> OPERATORS = List.of("like", "ilike", "nlike", "nilike", "regexp", "inq", "nin",
			"between", "gt", "gte", "lt", "lte", "eq", "neq", "exists", "options", "and", "or", "$regex", "$where", "near");

	private static final List<String> PATTERNS = List.of("^private-((a+)+)+$", "(a|aa)+b", ".*run.*", "run", "(?=a)",
			"\\1", "[", "(second|third).*dataset", "^a+$", "x.*y.*z", "/run/i", "a{1,1000}{1,1000}", "(a*)*$", ".{2,}x",
			"\\p{L}+", "[^\\n]*", "a".repeat(300));

	private static final List<String> UNITS = List.of("keV", "m^2", "m^30000", "m^999999999", "(m^20)^20", "m^2^3",
			"m\r\nFORGED line", "µm", "Å", "furlong", "", " ", "m^-3", "kg*m^2/s^3", "\u0000", "m\u2079\u2079\u2079",
			"1E300 m", "u".repeat(70), "°C", "counts", "m^(1/2)", "m/s^2");

	private HostileJson() {
	}

	/** Strings from the everyday to the pathological (a long one now and then). */
	static Arbitrary<String> strings() {
		return Arbitraries.frequencyOf(
				net.jqwik.api.Tuple.of(6, Arbitraries.strings().ofMaxLength(12)),
				net.jqwik.api.Tuple.of(2, Arbitraries.of(PATTERNS)),
				net.jqwik.api.Tuple.of(2, Arbitraries.of(UNITS)),
				net.jqwik.api.Tuple.of(1, Arbitraries.of("2026-03-01T10:00:00Z", "9999-12-31", "last week", "$gt",
						"{\"$ne\":null}", "null", "-1", "1e999", "\r\n", "\ud800")),
				net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1_000, 20_000).map("x"::repeat)));
	}

	static Arbitrary<String> units() {
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, Arbitraries.of(UNITS)),
				net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(20)),
				net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, Integer.MAX_VALUE).map(n -> "m^" + n)));
	}

	/** Any JSON value, nested a few levels deep. */
	static Arbitrary<Object> values() {
		return Arbitraries.lazyOf(HostileJson::scalars, () -> lists(scalars()), () -> objects(scalars()),
				() -> lists(objects(scalars())), HostileJson::quantities);
	}

	static Arbitrary<Object> scalars() {
		return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of(true, false).map(Object.class::cast),
				Arbitraries.integers().map(Object.class::cast), Arbitraries.longs().map(Object.class::cast),
				Arbitraries.of(1e308, -0.0, Double.MIN_VALUE, 0.5).map(Object.class::cast),
				Arbitraries.of(new java.math.BigInteger("99999999999999999999999")).map(Object.class::cast),
				strings().map(Object.class::cast));
	}

	static Arbitrary<Object> lists(Arbitrary<Object> items) {
		return items.list().ofMaxSize(4).map(list -> (Object) new ArrayList<>(list));
	}

	static Arbitrary<Object> objects(Arbitrary<Object> values) {
		return Combinators.combine(Arbitraries.of(FIELDS).list().ofMaxSize(4), values.list().ofSize(4)).as((keys, vals) -> {
			var object = new LinkedHashMap<String, Object>();
			for (int i = 0; i < keys.size(); i++) {
				object.put(keys.get(i), vals.get(i));
			}
			return (Object) object;
		});
	}

	/** Scientific metadata: quantities with units good and bad, at some depth. */
	static Arbitrary<Object> quantities() {
		Arbitrary<Object> quantity = Combinators.combine(scalars(), units(), Arbitraries.of("value", "v"), Arbitraries.of("unit", "u"))
			.as((value, unit, valueKey, unitKey) -> {
				var entry = new LinkedHashMap<String, Object>();
				entry.put(valueKey, value);
				entry.put(unitKey, unit);
				return (Object) entry;
			});
		return Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6).list().ofMinSize(1).ofMaxSize(4),
				quantity.list().ofSize(4)).as((keys, entries) -> {
					var metadata = new LinkedHashMap<String, Object>();
					for (int i = 0; i < keys.size(); i++) {
						metadata.put(keys.get(i), i % 3 == 2 ? mapOf("nested", entries.get(i)) : entries.get(i));
					}
					return (Object) metadata;
				});
	}

	/** A LoopBack condition tree over known and unknown fields and operators. */
	static Arbitrary<Object> conditions() {
		Arbitrary<Object> operand = Arbitraries.oneOf(scalars(), lists(scalars()), Arbitraries.of(PATTERNS).map(Object.class::cast));
		Arbitrary<Object> predicate = Combinators.combine(Arbitraries.of(OPERATORS), operand)
			.as((operator, value) -> (Object) mapOf(operator, value));
		Arbitrary<Object> leaf = Combinators.combine(Arbitraries.of(FIELDS), Arbitraries.oneOf(predicate, scalars()))
			.as((field, value) -> {
				var condition = new LinkedHashMap<String, Object>();
				condition.put(field, value);
				return (Object) condition;
			});
		return Arbitraries.lazyOf(() -> leaf, () -> Combinators.combine(Arbitraries.of("and", "or"), leaf.list().ofMaxSize(3))
			.as((junction, parts) -> (Object) mapOf(junction, parts)));
	}

	/** A filter parameter: a LoopBack filter mostly, now and then not JSON at all. */
	static Arbitrary<String> filters() {
		Arbitrary<String> filter = Combinators.combine(conditions(), Arbitraries.of(FIELDS).list().ofMaxSize(2),
				Arbitraries.oneOf(Arbitraries.integers().between(-5, 20_000).map(Object.class::cast), scalars()),
				Arbitraries.of("datasetName:asc", "size desc", "$where", "pid:sideways", ""),
				Arbitraries.of("all", "datablocks", "nothing", "origdatablocks"))
			.as((where, fields, limit, order, include) -> Json.write(mapOf("where", where, "fields", fields,
					"limits", mapOf("limit", limit, "order", order), "include", List.of(include))));
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, filter),
				net.jqwik.api.Tuple.of(1, Arbitraries.of("{", "[]", "{\"where\":", "null", "{\"select\":{}}")),
				net.jqwik.api.Tuple.of(1, conditions().map(Json::write)));
	}

	/** The fields of a full query, facet or count: text, time window, conditions with units, a raw mode. */
	static Arbitrary<String> searchFields() {
		Arbitrary<Object> condition = Combinators.combine(Arbitraries.of(FIELDS).injectNull(0.1),
				Arbitraries.of("EQUAL_TO_STRING", "EQUAL_TO_NUMERIC", "GREATER_THAN", "LESS_THAN", "RANGE",
						"CONTAINS_STRING", "SOUNDS_LIKE"),
				Arbitraries.oneOf(scalars(), lists(scalars())), units().injectNull(0.2))
			.as((lhs, relation, rhs, unit) -> mapOf("lhs", lhs, "relation", relation, "rhs", rhs, "unit", unit));
		return Combinators.combine(strings().injectNull(0.3), condition.list().ofMaxSize(3).injectNull(0.3),
				conditions().injectNull(0.6), Arbitraries.oneOf(scalars(), objects(scalars())).injectNull(0.6),
				Arbitraries.of("ownerGroup", "keywords", "type", "mode", "nonsense"))
			.as((text, scientific, mode, window, facet) -> Json.write(mapOf("text", text, "scientific", scientific,
					"mode", mode, "creationTime", window, facet, text)));
	}

	static Map<String, Object> mapOf(Object... keysAndValues) {
		var map = new LinkedHashMap<String, Object>();
		for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
			map.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
		}
		return map;
	}

	/** JSON text of generated values. */
	static final class Json {

		private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

		private Json() {
		}

		static String write(Object value) {
			try {
				return MAPPER.writeValueAsString(value);
			}
			catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
