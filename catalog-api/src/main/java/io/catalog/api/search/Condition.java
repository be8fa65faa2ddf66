package io.catalog.api.search;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.measure.Unit;

import io.catalog.api.units.UnitSymbols;
import io.catalog.api.web.InvalidInputException;

/**
 * A condition on scientific metadata, SciCat's {@code {lhs, relation, rhs, unit}}. With a unit, numbers compare
 * in SI against {@code valueSI} of entries whose SI unit matches; without one, against the value as written.
 *
 * @param lhs the metadata key (dots are path segments)
 * @param relation how to compare
 * @param rhs the string, the number, or for a range the {@code [min, max]} in the condition's unit
 * @param unit the condition's unit, or {@code null}
 * @param unitSymbol the unit as the query wrote it, or {@code null}
 * @param low the number (or the range's minimum) in SI when there is a unit, else as written
 * @param high the range's maximum (the number itself for other numeric relations)
 */
record Condition(String lhs, Relation relation, Object rhs, Unit<?> unit, String unitSymbol, double low, double high) {

	/** SciCat's relations. */
	enum Relation {
		EQUAL_TO_STRING, EQUAL_TO_NUMERIC, GREATER_THAN, LESS_THAN, GREATER_THAN_OR_EQUAL, LESS_THAN_OR_EQUAL,
		CONTAINS_STRING, RANGE;

		boolean numeric() {
			return this != EQUAL_TO_STRING && this != CONTAINS_STRING;
		}
	}

	static Condition parse(Map<?, ?> json, int index) {
		var field = "fields.scientific[" + index + "]";
		if (!(json.get("lhs") instanceof String lhs) || lhs.isBlank()) {
			throw new InvalidInputException(field + ".lhs", "must name a metadata key");
		}
		Relation relation;
		try {
			relation = Relation.valueOf(String.valueOf(json.get("relation")));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field + ".relation", "unknown relation " + json.get("relation")
					+ "; one of " + List.of(Relation.values()));
		}
		var symbol = json.get("unit") instanceof String s && !s.isBlank() ? s.trim() : null;
		if (symbol != null) {
			UnitSymbols.refusal(symbol).ifPresent(reason -> {
				throw new InvalidInputException(field + ".unit", reason);
			});
		}
		Unit<?> unit = null;
		if (symbol != null && relation.numeric()) {
			unit = UnitSymbols.parse(symbol)
				.orElseThrow(() -> new InvalidInputException(field + ".unit", "unknown unit " + symbol));
		}
		var rhs = json.get("rhs");
		double low = Double.NaN;
		double high = Double.NaN;
		if (relation == Relation.RANGE) {
			if (!(rhs instanceof List<?> range) || range.size() != 2) {
				throw new InvalidInputException(field + ".rhs", "RANGE needs [min, max]");
			}
			low = si(number(range.get(0), field), unit);
			high = si(number(range.get(1), field), unit);
		}
		else if (relation.numeric()) {
			low = si(number(rhs, field), unit);
			high = low;
		}
		else if (rhs == null || rhs instanceof Map || rhs instanceof List) {
			throw new InvalidInputException(field + ".rhs", "must be a string for " + relation);
		}
		return new Condition(lhs, relation, rhs, unit, symbol, low, high);
	}

	private static double number(Object value, String field) {
		if (value instanceof Number number) {
			return number.doubleValue();
		}
		try {
			return Double.parseDouble(String.valueOf(value).trim());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field + ".rhs", "must be a number, not " + value);
		}
	}

	private static double si(double value, Unit<?> unit) {
		return unit == null ? value : UnitSymbols.toSI(unit, value);
	}

	/** The SI unit the condition compares in, or {@code null} without a unit. */
	String unitSI() {
		return unit == null ? null : UnitSymbols.siSymbol(unit);
	}

	boolean matches(IndexedDocument.Leaf leaf) {
		if (leaf == null) {
			return false;
		}
		if (!relation.numeric()) {
			var text = String.valueOf(leaf.value());
			return relation == Relation.EQUAL_TO_STRING ? text.equals(String.valueOf(rhs))
					: text.toLowerCase(Locale.ROOT).contains(String.valueOf(rhs).toLowerCase(Locale.ROOT));
		}
		Double value;
		if (unit != null) {
			value = unitSI().equals(leaf.unitSI()) ? leaf.valueSI() : null;
		}
		else {
			value = leaf.value() instanceof Number n ? Double.valueOf(n.doubleValue()) : null;
		}
		return value != null && compare(value);
	}

	private boolean compare(double value) {
		return switch (relation) {
			case EQUAL_TO_NUMERIC -> Math.abs(value - low) <= 1e-9 * Math.max(Math.abs(value), Math.abs(low));
			case GREATER_THAN -> value > low;
			case LESS_THAN -> value < low;
			case GREATER_THAN_OR_EQUAL -> value >= low;
			case LESS_THAN_OR_EQUAL -> value <= low;
			case RANGE -> value > low && value < high; // SciCat's range leaves its bounds out
			default -> false;
		};
	}

}
