package io.catalog.api.units;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.catalog.api.web.InvalidInputException;

/**
 * Adds {@code valueSI} and {@code unitSI} to every quantity of scientific metadata ({@code {value, unit}} or the
 * older {@code {v, u}}), at any depth. A unit Indriya cannot read keeps its value, gets no SI value, and is
 * reported back (the first {@value #MAX_REPORTED}); a unit not to be read at all ({@link UnitSymbols#refusal}: too
 * long, control characters, huge powers) is refused, naming its field.
 */
public final class Quantities {

	/** The response header that names units a write could not convert. */
	public static final String UNKNOWN_UNITS_HEADER = "Catalog-Unknown-Units";

	/** At most this many unknown units are reported (in the header and the log). */
	static final int MAX_REPORTED = 16;

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

	/**
	 * Normalises the {@code field} of a request body in place, if it is there; answers the unknown units (the
	 * first {@value #MAX_REPORTED}, each a printable symbol of at most {@value UnitSymbols#MAX_LENGTH} characters).
	 */
	public static Set<String> normaliseField(Map<String, Object> body, String field) {
		if (!(body.get(field) instanceof Map<?, ?> metadata)) {
			return Set.of();
		}
		var result = normalise(metadata, field);
		body.put(field, result.metadata());
		if (!result.unknownUnits().isEmpty()) {
			log.info("Units without SI conversion in {}: {}", field, result.unknownUnits());
		}
		return result.unknownUnits();
	}

	public static Normalised normalise(Map<?, ?> metadata) {
		return normalise(metadata, "scientificMetadata");
	}

	/** As {@link #normalise(Map)}, naming refused units' fields under {@code field}. */
	static Normalised normalise(Map<?, ?> metadata, String field) {
		var unknown = new LinkedHashSet<String>();
		var copy = walk(metadata, field, unknown);
		return new Normalised(copy, Set.copyOf(unknown));
	}

	private static Map<String, Object> walk(Map<?, ?> node, String path, Set<String> unknown) {
		var copy = new LinkedHashMap<String, Object>();
		node.forEach((key, value) -> {
			var name = String.valueOf(key);
			copy.put(name, value instanceof Map<?, ?> child ? walk(child, path + "." + name, unknown)
					: value instanceof List<?> list ? walkList(list, path + "." + name, unknown) : value);
		});
		quantify(copy, path, unknown);
		return copy;
	}

	private static List<Object> walkList(List<?> list, String path, Set<String> unknown) {
		var copy = new ArrayList<>(list.size());
		for (int i = 0; i < list.size(); i++) {
			var item = list.get(i);
			copy.add(item instanceof Map<?, ?> child ? walk(child, path + "[" + i + "]", unknown) : item);
		}
		return copy;
	}

	private static void quantify(Map<String, Object> entry, String path, Set<String> unknown) {
		var valueKey = entry.containsKey("value") ? "value" : entry.containsKey("v") ? "v" : null;
		var unitKey = entry.containsKey("unit") ? "unit" : entry.containsKey("u") ? "u" : null;
		if (valueKey == null || unitKey == null || !(entry.get(unitKey) instanceof String symbol) || symbol.isBlank()) {
			return;
		}
		UnitSymbols.refusal(symbol).ifPresent(reason -> {
			throw new InvalidInputException(path + "." + unitKey, reason);
		});
		var unit = UnitSymbols.parse(symbol);
		if (unit.isEmpty()) {
			if (unknown.size() < MAX_REPORTED) {
				unknown.add(symbol.trim());
			}
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
