package io.catalog.api.units;

import java.util.Optional;
import java.util.regex.Pattern;

import javax.measure.IncommensurableException;
import javax.measure.MetricPrefix;
import javax.measure.UnconvertibleException;
import javax.measure.Unit;
import javax.measure.UnitConverter;
import javax.measure.format.MeasurementParseException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import tech.units.indriya.AbstractUnit;
import tech.units.indriya.format.SimpleUnitFormat;
import tech.units.indriya.unit.Units;

/**
 * Unit symbols as beamlines write them, read by Indriya (JSR 385): SI units with prefixes plus eV, Å, deg, bar
 * and counts with their usual spellings. A symbol Indriya cannot read sanely ({@link #refusal}: too long, control
 * characters, powers past {@value #MAX_POWER}, which Indriya expands recursively until the stack overflows) never
 * reaches it. Parsed units are cached, at most {@value #MAX_CACHED} symbols; an unknown symbol reads as empty.
 */
public final class UnitSymbols {

	/** The longest unit symbol read. */
	static final int MAX_LENGTH = 64;

	/** The largest sum of the powers a symbol writes ({@code m^3/s^2}: 5). */
	static final int MAX_POWER = 30;

	static final int MAX_CACHED = 10_000;

	private static final SimpleUnitFormat FORMAT = SimpleUnitFormat.getNewInstance();

	/** Keyed by client text, so bounded. */
	private static final Cache<String, Optional<Unit<?>>> PARSED = Caffeine.newBuilder().maximumSize(MAX_CACHED).build();

	/** Per unit, the SI unit of its dimension and the converter to it (Indriya derives both anew on each call). */
	private static final Cache<Unit<?>, SiUnit> SYSTEM = Caffeine.newBuilder().maximumSize(MAX_CACHED).build();

	/** A power: {@code ^}, a sign, digits; or a run of superscript digits. */
	private static final Pattern POWER = Pattern.compile("\\^\\s*([+-]?)\\s*(\\d+)|([\u2070\u00B9\u00B2\u00B3\u2074-\u2079]+)");

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

	/** The unit a symbol names, or empty when Indriya cannot read it (or it is not one to give Indriya). */
	public static Optional<Unit<?>> parse(String symbol) {
		if (symbol == null || symbol.isBlank() || refusal(symbol).isPresent()) {
			return Optional.empty();
		}
		return PARSED.get(symbol.trim(), UnitSymbols::read);
	}

	/**
	 * Why a symbol is not one to read, if it is not: longer than {@value #MAX_LENGTH}, with control characters, a
	 * power of a power or of a group ({@code m^2^3}, {@code (m^2)^3}), or powers summing past {@value #MAX_POWER}.
	 */
	public static Optional<String> refusal(String symbol) {
		if (symbol.length() > MAX_LENGTH) {
			return Optional.of("must be a unit of at most " + MAX_LENGTH + " characters");
		}
		if (symbol.chars().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
			return Optional.of("must not contain control characters or line breaks");
		}
		long sum = 0;
		var powers = POWER.matcher(symbol);
		while (powers.find()) {
			if (powers.start() > 0 && (symbol.charAt(powers.start() - 1) == ')' || isPowerEnd(symbol, powers.start() - 1))) {
				return Optional.of("must not raise a power or a group to a power; write each symbol's power");
			}
			var digits = powers.group(2) != null ? powers.group(2) : superscript(powers.group(3));
			sum += digits.length() > 3 ? MAX_POWER + 1 : Integer.parseInt(digits);
			if (sum > MAX_POWER) {
				return Optional.of("must have powers summing to at most " + MAX_POWER);
			}
		}
		return Optional.empty();
	}

	private static boolean isPowerEnd(String symbol, int at) {
		char c = symbol.charAt(at);
		if (superscriptDigit(c) >= 0) {
			return true;
		}
		int i = at;
		while (i >= 0 && (Character.isDigit(symbol.charAt(i)) || Character.isWhitespace(symbol.charAt(i)))) {
			i--;
		}
		while (i >= 0 && (symbol.charAt(i) == '+' || symbol.charAt(i) == '-' || Character.isWhitespace(symbol.charAt(i)))) {
			i--;
		}
		return i < at && i >= 0 && symbol.charAt(i) == '^';
	}

	private static String superscript(String run) {
		var digits = new StringBuilder(run.length());
		run.chars().forEach(c -> digits.append((char) ('0' + superscriptDigit((char) c))));
		return digits.toString();
	}

	private static int superscriptDigit(char c) {
		return switch (c) {
			case '\u2070' -> 0;
			case '\u00B9' -> 1;
			case '\u00B2' -> 2;
			case '\u00B3' -> 3;
			default -> c >= '\u2074' && c <= '\u2079' ? c - '\u2070' : -1;
		};
	}

	private static Optional<Unit<?>> read(String symbol) {
		try {
			return Optional.of(FORMAT.parse(symbol));
		}
		catch (MeasurementParseException | IllegalArgumentException | UnsupportedOperationException ex) {
			return Optional.empty();
		}
	}

	/** How many symbols are cached (for tests of the bound). */
	static long cached() {
		return PARSED.estimatedSize();
	}

	/** Runs the caches' pending evictions now. */
	static void cleanUp() {
		PARSED.cleanUp();
		SYSTEM.cleanUp();
	}

	/** The SI unit of the unit's dimension, as written in {@code unitSI}; dimensionless is the empty string. */
	public static String siSymbol(Unit<?> unit) {
		return system(unit).symbol();
	}

	/** The value in SI units. */
	public static double toSI(Unit<?> unit, double value) {
		return system(unit).toSI().convert(value);
	}

	/** The SI value expressed in the given unit. */
	public static double fromSI(Unit<?> unit, double valueSI) {
		return system(unit).toSI().inverse().convert(valueSI);
	}

	static boolean compatible(Unit<?> one, Unit<?> other) {
		return system(one).unit().equals(system(other).unit());
	}

	private static SiUnit system(Unit<?> unit) {
		return SYSTEM.get(unit, UnitSymbols::systemOf);
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
