package io.catalog.api.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds {@code valueSI} and {@code unitSI} to every quantity of scientific metadata ({@code {value, unit}} or the
 * older {@code {v, u}}), at any depth. A unit Indriya cannot read keeps its value, gets no SI value, and is
 * reported back; nothing is ever refused.
 */
public final class Quantities {

	/** The response header that names units a write could not convert. */
	public static final String UNKNOWN_UNITS_HEADER = "Catalog-Unknown-Units";

	private static final Logger log = LoggerFactory.getLogger(Quantities.class);

	private Quantities() {
	}

	/**
	 * The metadata with SI values added, and the units that could not be read.
	 *
	 * @param metadata the normalised copy
	 * @param unknownUnits the unit symbols left without an SI value
	 */
	public record Normalised(Map<String, Object> metadata, Set<String> unknownUnits) {
	}

	/** Normalises the {@code field} of a request body in place, if it is there; answers the unknown units. */
	public static Set<String> normaliseField(Map<String, Object> body, String field) {
		if (!(body.get(field) instanceof Map<?, ?> metadata)) {
			return Set.of();
		}
		var result = normalise(metadata);
		body.put(field, result.metadata());
		if (!result.unknownUnits().isEmpty()) {
			log.info("Units without SI conversion in {}: {}", field, result.unknownUnits());
		}
		return result.unknownUnits();
	}

	public static Normalised normalise(Map<?, ?> metadata) {
		var unknown = new LinkedHashSet<String>();
		var copy = walk(metadata, unknown);
		return new Normalised(copy, Set.copyOf(unknown));
	}

	private static Map<String, Object> walk(Map<?, ?> node, Set<String> unknown) {
		var copy = new LinkedHashMap<String, Object>();
		node.forEach((key, value) -> copy.put(String.valueOf(key), value instanceof Map<?, ?> child ? walk(child, unknown)
				: value instanceof List<?> list ? walkList(list, unknown) : value));
		quantify(copy, unknown);
		return copy;
	}

	private static List<Object> walkList(List<?> list, Set<String> unknown) {
		var copy = new ArrayList<>(list.size());
		list.forEach(item -> copy.add(item instanceof Map<?, ?> child ? walk(child, unknown) : item));
		return copy;
	}

	private static void quantify(Map<String, Object> entry, Set<String> unknown) {
		var valueKey = entry.containsKey("value") ? "value" : entry.containsKey("v") ? "v" : null;
		var unitKey = entry.containsKey("unit") ? "unit" : entry.containsKey("u") ? "u" : null;
		if (valueKey == null || unitKey == null || !(entry.get(unitKey) instanceof String symbol) || symbol.isBlank()) {
			return;
		}
		var unit = UnitSymbols.parse(symbol);
		if (unit.isEmpty()) {
			unknown.add(symbol);
			entry.remove("valueSI");
			entry.remove("unitSI");
			return;
		}
		entry.put("unitSI", UnitSymbols.siSymbol(unit.get()));
		var value = entry.get(valueKey);
		if (value instanceof Number number) {
			entry.put("valueSI", UnitSymbols.toSI(unit.get(), number.doubleValue()));
		}
		else if (value instanceof List<?> values && values.stream().allMatch(Number.class::isInstance)) {
			entry.put("valueSI", values.stream().map(v -> UnitSymbols.toSI(unit.get(), ((Number) v).doubleValue())).toList());
		}
		else {
			entry.remove("valueSI");
		}
	}

}
