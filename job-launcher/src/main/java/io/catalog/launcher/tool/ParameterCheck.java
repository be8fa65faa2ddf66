package io.catalog.launcher.tool;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the parameter values a job gives a tool before anything starts, and completes them with the defaults.
 * Every refused value is reported with its parameter's name and the reason, all at once.
 */
public final class ParameterCheck {

	/** Longest string value: enough for any setting, too short to smuggle data through a parameter. */
	static final int MAX_STRING = 4096;

	private ParameterCheck() {
	}

	/**
	 * The values of every parameter in the spec's order (given or default; parameters without either are left out),
	 * each as its type's Java value ({@code Long}, {@code Double}, {@code Boolean}, {@code String}).
	 *
	 * @param given the job's values by parameter name ({@code null}: none)
	 * @param datasets the pids of the job's datasets, which a {@code dataset} parameter must name one of
	 * @throws InvalidParametersException naming every refused parameter
	 */
	public static Map<String, Object> resolve(ToolSpec tool, Map<String, ?> given, Collection<String> datasets) {
		var values = given == null ? Map.<String, Object>of() : given;
		var violations = new ArrayList<Violation>();
		for (var name : values.keySet()) {
			if (tool.parameter(name).isEmpty()) {
				violations.add(new Violation(name, "is not a parameter of tool " + tool.name()));
			}
		}
		var resolved = new LinkedHashMap<String, Object>();
		for (var parameter : tool.parameters()) {
			var value = values.get(parameter.name());
			if (value == null) {
				value = parameter.defaultValue();
			}
			if (value == null) {
				if (parameter.required()) {
					violations.add(new Violation(parameter.name(), "is required"));
				}
				continue;
			}
			var checked = check(parameter, value, datasets);
			checked.reason().ifPresent(reason -> violations.add(new Violation(parameter.name(), reason)));
			if (checked.reason().isEmpty()) {
				resolved.put(parameter.name(), checked.value());
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidParametersException(tool.name(), violations);
		}
		return resolved;
	}

	/** Why the spec's own defaults are refused by their parameters; empty when they are all fine. */
	public static List<Violation> checkDefaults(ToolSpec tool) {
		var violations = new ArrayList<Violation>();
		for (var parameter : tool.parameters()) {
			if (parameter.defaultValue() != null && parameter.type() != ParameterType.DATASET) {
				check(parameter, parameter.defaultValue(), List.of()).reason()
					.ifPresent(reason -> violations.add(new Violation(parameter.name(), "default " + reason)));
			}
		}
		return violations;
	}

	/** A checked value or the reason it is refused. */
	private record Checked(Object value, Optional<String> reason) {

		static Checked ok(Object value) {
			return new Checked(value, Optional.empty());
		}

		static Checked refused(String reason) {
			return new Checked(null, Optional.of(reason));
		}

	}

	private static Checked check(Parameter parameter, Object value, Collection<String> datasets) {
		return switch (parameter.type()) {
			case INTEGER -> integer(parameter, value);
			case FLOAT -> number(parameter, value);
			case BOOLEAN -> value instanceof Boolean flag ? Checked.ok(flag) : Checked.refused("must be true or false");
			case ENUMERATION -> value instanceof String text && parameter.values().contains(text) ? Checked.ok(text)
					: Checked.refused("must be one of " + parameter.values());
			case STRING -> text(value);
			case FILE, DIRECTORY -> path(value);
			case DATASET -> value instanceof String pid && datasets.contains(pid) ? Checked.ok(pid)
					: Checked.refused("must be the pid of one of the job's datasets " + List.copyOf(datasets));
		};
	}

	private static Checked integer(Parameter parameter, Object value) {
		if (!(value instanceof Number number) || value instanceof Double || value instanceof Float) {
			return Checked.refused("must be a whole number");
		}
		BigInteger whole;
		try {
			whole = new BigDecimal(number.toString()).toBigIntegerExact();
		}
		catch (ArithmeticException | NumberFormatException ex) {
			return Checked.refused("must be a whole number");
		}
		if (whole.bitLength() > 63) {
			return Checked.refused("is too large");
		}
		var bounded = bounds(parameter, whole.doubleValue());
		return bounded.isPresent() ? Checked.refused(bounded.get()) : Checked.ok(whole.longValueExact());
	}

	private static Checked number(Parameter parameter, Object value) {
		if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
			return Checked.refused("must be a finite number");
		}
		var bounded = bounds(parameter, number.doubleValue());
		return bounded.isPresent() ? Checked.refused(bounded.get()) : Checked.ok(number.doubleValue());
	}

	private static Optional<String> bounds(Parameter parameter, double value) {
		if (parameter.minimum() != null && value < parameter.minimum()) {
			return Optional.of("must be at least " + plain(parameter.minimum()) + ", not " + plain(value));
		}
		if (parameter.maximum() != null && value > parameter.maximum()) {
			return Optional.of("must be at most " + plain(parameter.maximum()) + ", not " + plain(value));
		}
		return Optional.empty();
	}

	private static String plain(double value) {
		return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
	}

	private static Checked text(Object value) {
		if (!(value instanceof String text)) {
			return Checked.refused("must be a string");
		}
		if (text.length() > MAX_STRING) {
			return Checked.refused("must be at most " + MAX_STRING + " characters");
		}
		if (text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n')) {
			return Checked.refused("must not hold control characters");
		}
		return Checked.ok(text);
	}

	private static Checked path(Object value) {
		var checked = text(value);
		if (checked.reason().isPresent()) {
			return checked;
		}
		var text = (String) checked.value();
		try {
			var path = Path.of(text);
			if (text.isBlank() || path.isAbsolute() || text.startsWith("/") || path.normalize().startsWith("..")
					|| List.of(text.split("/")).contains("..")) {
				return Checked.refused("must be a path inside the dataset, relative and without '..'");
			}
			return Checked.ok(path.normalize().toString());
		}
		catch (InvalidPathException ex) {
			return Checked.refused("is not a path: " + ex.getReason());
		}
	}

}
