package io.catalog.launcher.tool;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The command line and environment of one run of a tool, from its checked values and the run's folders. In the order
 * Slicer CLIs expect: the spec's command (an argument that is exactly {@code ${name}} replaced by that value), then
 * each flagged parameter, input and output ({@code --flag value}; a boolean flag alone when true, left out when
 * false), then the positional ones by {@code index}. File and directory values become paths inside the run's dataset,
 * dataset values that dataset's folder, outputs paths inside the output folder.
 *
 * @param argv the program and its arguments
 * @param environment {@code INPUT_DIR}, {@code OUTPUT_DIR}, {@code DATASET_PID} and {@code PARAM_<NAME>} for every
 *        value
 */
public record Invocation(List<String> argv, Map<String, String> environment) {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

	/**
	 * @param values the checked values ({@link ParameterCheck#resolve})
	 * @param pid the run's dataset
	 * @param input its folder
	 * @param folders the folder of every dataset of the job, by pid
	 * @param output the run's output folder
	 */
	public static Invocation of(ToolSpec tool, Map<String, Object> values, String pid, Path input,
			Map<String, Path> folders, Path output) {
		var text = new LinkedHashMap<String, String>();
		text.put("input", input.toString());
		text.put("output", output.toString());
		for (var parameter : tool.parameters()) {
			var value = values.get(parameter.name());
			if (value != null) {
				text.put(parameter.name(), switch (parameter.type()) {
					case FILE, DIRECTORY -> input.resolve((String) value).toString();
					case DATASET -> folders.get(value).toString();
					default -> String.valueOf(value);
				});
			}
		}
		tool.inputs().forEach(port -> text.put(port.name(), input.toString()));
		tool.outputs().forEach(port -> text.put(port.name(), output.resolve(port.name()).toString()));

		var argv = new ArrayList<String>();
		for (var argument : tool.command()) {
			var whole = PLACEHOLDER.matcher(argument);
			argv.add(whole.matches() && text.containsKey(whole.group(1)) ? text.get(whole.group(1)) : argument);
		}
		var positional = new ArrayList<Map.Entry<Integer, String>>();
		for (var parameter : tool.parameters()) {
			var value = text.get(parameter.name());
			if (value == null) {
				continue;
			}
			if (parameter.flag() != null) {
				if (parameter.type() != ParameterType.BOOLEAN) {
					argv.addAll(List.of(parameter.flag(), value));
				}
				else if (Boolean.parseBoolean(value)) {
					argv.add(parameter.flag());
				}
			}
			if (parameter.index() != null) {
				positional.add(Map.entry(parameter.index(), value));
			}
		}
		for (var port : concat(tool.inputs(), tool.outputs())) {
			if (port.flag() != null) {
				argv.addAll(List.of(port.flag(), text.get(port.name())));
			}
			if (port.index() != null) {
				positional.add(Map.entry(port.index(), text.get(port.name())));
			}
		}
		positional.stream().sorted(Comparator.comparing(Map.Entry::getKey)).forEach(entry -> argv.add(entry.getValue()));

		var environment = new LinkedHashMap<String, String>();
		environment.put("INPUT_DIR", input.toString());
		environment.put("OUTPUT_DIR", output.toString());
		environment.put("DATASET_PID", pid);
		for (var parameter : tool.parameters()) {
			if (text.containsKey(parameter.name())) {
				environment.put("PARAM_" + parameter.name().toUpperCase(Locale.ROOT), text.get(parameter.name()));
			}
		}
		return new Invocation(List.copyOf(argv), Map.copyOf(environment));
	}

	private static List<Port> concat(List<Port> first, List<Port> second) {
		var all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

}
