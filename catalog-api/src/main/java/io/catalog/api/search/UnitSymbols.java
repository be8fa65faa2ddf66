package io.catalog.api.search;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.measure.IncommensurableException;
import javax.measure.MetricPrefix;
import javax.measure.UnconvertibleException;
import javax.measure.Unit;
import javax.measure.UnitConverter;
import javax.measure.format.MeasurementParseException;

import tech.units.indriya.AbstractUnit;
import tech.units.indriya.format.SimpleUnitFormat;
import tech.units.indriya.unit.Units;

/**
 * Unit symbols as beamlines write them, read by Indriya (JSR 385): SI units with prefixes plus eV, Å, deg, bar
 * and counts with their usual spellings. Parsed units are cached; an unknown symbol reads as empty.
 */
final class UnitSymbols {

	private static final SimpleUnitFormat FORMAT = SimpleUnitFormat.getNewInstance();

	private static final Map<String, Optional<Unit<?>>> PARSED = new ConcurrentHashMap<>();

	/** Per unit, the SI unit of its dimension and the converter to it (Indriya derives both anew on each call). */
	private static final Map<Unit<?>, SiUnit> SYSTEM = new ConcurrentHashMap<>();

	static {
		Unit<?> electronVolt = Units.JOULE.multiply(1.602176634e-19);
		withPrefixes(electronVolt, "eV");
		withPrefixes(Units.PASCAL.multiply(100_000), "bar");
		Unit<?> angstrom = Units.METRE.multiply(1e-10);
		FORMAT.label(angstrom, "Å");
		FORMAT.alias(angstrom, "\u212B");
		FORMAT.alias(angstrom, "angstrom");
		Unit<?> degree = Units.RADIAN.multiply(Math.PI).divide(180);
		FORMAT.label(degree, "deg");
		FORMAT.alias(degree, "°");
		FORMAT.alias(degree, "degree");
		FORMAT.alias(degree, "degrees");
		FORMAT.label(AbstractUnit.ONE.multiply(1), "counts");
		FORMAT.alias(AbstractUnit.ONE.multiply(1), "count");
		FORMAT.alias(Units.CELSIUS, "degC");
		FORMAT.alias(Units.METRE.prefix(MetricPrefix.MICRO), "um");
		FORMAT.alias(Units.SECOND.prefix(MetricPrefix.MICRO), "us");
	}

	private UnitSymbols() {
	}

	private static void withPrefixes(Unit<?> unit, String symbol) {
		FORMAT.label(unit, symbol);
		for (MetricPrefix prefix : MetricPrefix.values()) {
			FORMAT.label(unit.prefix(prefix), prefix.getSymbol() + symbol);
		}
	}

	/** The unit a symbol names, or empty when Indriya cannot read it. */
	static Optional<Unit<?>> parse(String symbol) {
		if (symbol == null || symbol.isBlank()) {
			return Optional.empty();
		}
		return PARSED.computeIfAbsent(symbol.trim(), UnitSymbols::read);
	}

	private static Optional<Unit<?>> read(String symbol) {
		try {
			return Optional.of(FORMAT.parse(symbol));
		}
		catch (MeasurementParseException | IllegalArgumentException | UnsupportedOperationException ex) {
			return Optional.empty();
		}
	}

	/** The SI unit of the unit's dimension, as written in {@code unitSI}; dimensionless is the empty string. */
	static String siSymbol(Unit<?> unit) {
		return system(unit).symbol();
	}

	/** The value in SI units. */
	static double toSI(Unit<?> unit, double value) {
		return system(unit).toSI().convert(value);
	}

	/** The SI value expressed in the given unit. */
	static double fromSI(Unit<?> unit, double valueSI) {
		return system(unit).toSI().inverse().convert(valueSI);
	}

	static boolean compatible(Unit<?> one, Unit<?> other) {
		return system(one).unit().equals(system(other).unit());
	}

	private static SiUnit system(Unit<?> unit) {
		return SYSTEM.computeIfAbsent(unit, UnitSymbols::systemOf);
	}

	private static SiUnit systemOf(Unit<?> unit) {
		var system = unit.getSystemUnit();
		return new SiUnit(system, system.equals(AbstractUnit.ONE) ? "" : FORMAT.format(system), converter(unit, system));
	}

	/**
	 * The SI unit of a unit's dimension.
	 *
	 * @param unit the SI unit
	 * @param symbol how {@code unitSI} writes it (dimensionless: empty)
	 * @param toSI the conversion into it
	 */
	private record SiUnit(Unit<?> unit, String symbol, UnitConverter toSI) {
	}

	private static UnitConverter converter(Unit<?> from, Unit<?> to) {
		try {
			return from.getConverterToAny(to);
		}
		catch (IncommensurableException | UnconvertibleException ex) {
			throw new IllegalArgumentException(from + " is not compatible with " + to, ex);
		}
	}

}
