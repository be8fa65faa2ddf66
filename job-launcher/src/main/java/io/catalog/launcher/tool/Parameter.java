package io.catalog.launcher.tool;

import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One typed parameter of a tool, as a GUI draws it in a form and as the launcher checks it.
 *
 * @param name the parameter's name: a letter or {@code _}, then letters, digits or {@code _}
 * @param type its type
 * @param label a short human name (the name when absent)
 * @param description what it means
 * @param defaultValue the value taken when the job gives none; {@code null}: none
 * @param required whether a job must give it (only meaningful without a default)
 * @param minimum least value of a number, inclusive; {@code null}: unbounded
 * @param maximum greatest value of a number, inclusive; {@code null}: unbounded
 * @param values the allowed values of an enumeration
 * @param flag the command-line flag that passes it ({@code --level}); {@code null}: not passed as a flag
 * @param index its position among the positional arguments; {@code null}: not positional
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Parameter(String name, ParameterType type, String label, String description,
		@JsonProperty("default") Object defaultValue, boolean required, Double minimum, Double maximum,
		List<String> values, String flag, Integer index) {

	static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

	static final Pattern FLAG = Pattern.compile("--?[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

	public Parameter {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("parameter name '" + name
					+ "' must be a letter or _ followed by up to 63 letters, digits or _");
		}
		if (type == null) {
			throw new IllegalArgumentException("parameter " + name + ": type is required");
		}
		label = label == null || label.isBlank() ? name : label;
		values = values == null ? List.of() : List.copyOf(values);
		if (type == ParameterType.ENUMERATION && values.isEmpty()) {
			throw new IllegalArgumentException("parameter " + name + ": an enumeration needs values");
		}
		if ((minimum != null || maximum != null) && type != ParameterType.INTEGER && type != ParameterType.FLOAT) {
			throw new IllegalArgumentException("parameter " + name + ": only integer and float take minimum and maximum");
		}
		if (minimum != null && maximum != null && minimum > maximum) {
			throw new IllegalArgumentException("parameter " + name + ": minimum " + minimum + " is above maximum " + maximum);
		}
		if (flag != null && !FLAG.matcher(flag).matches()) {
			throw new IllegalArgumentException("parameter " + name + ": flag '" + flag + "' must look like -f or --flag");
		}
		if (index != null && index < 0) {
			throw new IllegalArgumentException("parameter " + name + ": index must not be negative");
		}
	}

	/** A parameter with only a name and a type. */
	public static Parameter of(String name, ParameterType type) {
		return new Parameter(name, type, null, null, null, false, null, null, null, null, null);
	}

}
