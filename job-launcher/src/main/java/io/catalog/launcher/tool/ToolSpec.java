package io.catalog.launcher.tool;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A tool as the launcher runs it and a GUI draws its form: what to run (an image and/or a command), its typed
 * parameters, the inputs and outputs the launcher fills in, and what one run needs.
 *
 * <p>The command is run without a shell. An argument that is exactly {@code ${name}} is replaced by that
 * parameter's, input's or output's value ({@code ${input}} and {@code ${output}} are the run's dataset folder and
 * output folder); a placeholder inside a longer argument is left as written, so no value can become shell syntax.
 * Every parameter is also in the environment as {@code PARAM_<NAME>}, beside {@code INPUT_DIR} and
 * {@code OUTPUT_DIR}.
 *
 * @param name the tool's name, unique among the launcher's tools ({@code [a-z0-9][a-z0-9._-]*})
 * @param version its version, recorded in the provenance of what it makes
 * @param title a human name
 * @param description what it does
 * @param image the container image a container back-end runs; {@code null}: the command runs as it is
 * @param imageDigest the image's digest ({@code sha256:...}), recorded in the provenance
 * @param command the program and its first arguments
 * @param parameters the typed parameters, in form order
 * @param inputs what the launcher passes of the run's datasets
 * @param outputs what the tool writes into its output folder
 * @param resources what one run needs
 * @param network whether a run may reach the network (isolated back-ends cut it off otherwise)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolSpec(String name, String version, String title, String description, String image,
		String imageDigest, List<String> command, List<Parameter> parameters, List<Port> inputs, List<Port> outputs,
		Resources resources, boolean network) {

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

	/** Names the launcher fills in itself, so no parameter, input or output may take them. */
	private static final List<String> RESERVED = List.of("input", "output");

	public ToolSpec {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("tool name '" + name
					+ "' must be lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
		}
		if (version == null || version.isBlank()) {
			throw new IllegalArgumentException("tool " + name + ": version is required");
		}
		if (command == null || command.isEmpty() || command.get(0).isBlank()) {
			throw new IllegalArgumentException("tool " + name + ": command is required");
		}
		title = title == null || title.isBlank() ? name : title;
		command = List.copyOf(command);
		parameters = parameters == null ? List.of() : List.copyOf(parameters);
		inputs = inputs == null ? List.of() : List.copyOf(inputs);
		outputs = outputs == null ? List.of() : List.copyOf(outputs);
		resources = resources == null ? Resources.DEFAULT : resources;
		var names = new HashSet<String>();
		for (var each : parameters) {
			checkName(name, names, each.name());
		}
		for (var each : inputs) {
			checkName(name, names, each.name());
		}
		for (var each : outputs) {
			checkName(name, names, each.name());
		}
	}

	private static void checkName(String tool, java.util.Set<String> names, String name) {
		if (RESERVED.contains(name)) {
			throw new IllegalArgumentException("tool " + tool + ": '" + name + "' is reserved for the launcher");
		}
		if (!names.add(name)) {
			throw new IllegalArgumentException("tool " + tool + ": '" + name + "' is named twice");
		}
	}

	/** The parameter called {@code name}. */
	public Optional<Parameter> parameter(String name) {
		return parameters.stream().filter(each -> each.name().equals(name)).findFirst();
	}

	/** How the provenance names this tool: {@code name@version}, with the image and its digest when known. */
	public List<String> software() {
		var software = new java.util.ArrayList<String>();
		software.add(name + "@" + version);
		if (image != null) {
			software.add(imageDigest == null ? image : image + "@" + imageDigest);
		}
		return List.copyOf(software);
	}

}
