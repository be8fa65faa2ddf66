package io.catalog.launcher.tool;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An input or output of a tool that the launcher fills in itself: an input is the folder of the run's dataset, an
 * output a file or folder inside the run's fresh output folder.
 *
 * @param name its name (as {@code ${name}} in the command, and the file name of an output)
 * @param kind {@code dataset} for an input; {@code file} or {@code directory} for an output
 * @param description what it holds
 * @param flag the flag that passes its path; {@code null}: not passed as a flag
 * @param index its position among the positional arguments; {@code null}: not positional
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Port(String name, String kind, String description, String flag, Integer index) {

	public Port {
		if (name == null || !Parameter.NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("input or output name '" + name
					+ "' must be a letter or _ followed by up to 63 letters, digits or _");
		}
		kind = kind == null ? "dataset" : kind;
		if (!java.util.List.of("dataset", "file", "directory").contains(kind)) {
			throw new IllegalArgumentException(name + ": kind must be dataset, file or directory, not " + kind);
		}
		if (flag != null && !Parameter.FLAG.matcher(flag).matches()) {
			throw new IllegalArgumentException(name + ": flag '" + flag + "' must look like -f or --flag");
		}
	}

}
