package io.catalog.launcher.tool;

import java.util.List;

/**
 * What a Slicer execution-model XML says of a tool: its texts, typed parameters, and the inputs and outputs the
 * launcher fills in. The program and image come from elsewhere (the tool file that names the XML, as
 * slicer_cli_web takes them from the image).
 *
 * @param title the {@code title}
 * @param description the {@code description}
 * @param version the {@code version}
 * @param parameters parameters of the input channel
 * @param outputs file, image and directory parameters of the output channel
 */
public record ExecutionModel(String title, String description, String version, List<Parameter> parameters,
		List<Port> outputs) {

	public ExecutionModel {
		parameters = List.copyOf(parameters);
		outputs = List.copyOf(outputs);
	}

}
