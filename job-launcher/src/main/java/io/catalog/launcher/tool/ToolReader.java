package io.catalog.launcher.tool;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads a tool spec from a file: JSON ({@code .json}) or YAML ({@code .yaml}, {@code .yml}) in {@link ToolSpec}'s
 * shape, optionally naming a Slicer execution model ({@code executionModel: threshold.xml}, beside the file) whose
 * texts and parameters fill in what the file leaves out; or a bare Slicer XML ({@code .xml}), whose tool is named
 * after the file and runs the program of that name. Unknown fields are refused, so a misspelt key does not pass
 * silently.
 */
public final class ToolReader {

	private static final String EXECUTION_MODEL = "executionModel";

	private final ObjectMapper json = configure(JsonMapper.builder().build());

	private final ObjectMapper yaml = configure(new YAMLMapper());

	private static ObjectMapper configure(ObjectMapper mapper) {
		return mapper.registerModule(new JavaTimeModule()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
	}

	/** Whether {@code file} has the name of a tool file. */
	public static boolean isToolFile(Path file) {
		var name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		return name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".xml");
	}

	/** The tool the file describes; {@code IllegalArgumentException} naming the file and what is wrong. */
	public ToolSpec read(Path file) {
		try {
			var name = file.getFileName().toString();
			if (name.toLowerCase(Locale.ROOT).endsWith(".xml")) {
				return bareXml(file);
			}
			var mapper = name.toLowerCase(Locale.ROOT).endsWith(".json") ? json : yaml;
			var tree = mapper.readTree(file.toFile());
			if (!(tree instanceof ObjectNode node)) {
				throw new IllegalArgumentException("not an object");
			}
			return checked(withModel(mapper, node, file));
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalArgumentException("tool file " + file + ": " + message(ex), ex);
		}
	}

	/** The Slicer XML a JSON or YAML tool file names as its execution model, if any. */
	public Optional<String> executionModel(Path file) {
		var name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".xml")) {
			return Optional.empty();
		}
		try {
			var tree = (name.endsWith(".json") ? json : yaml).readTree(file.toFile());
			return tree != null && tree.path(EXECUTION_MODEL).isTextual()
					? Optional.of(tree.path(EXECUTION_MODEL).asText()) : Optional.empty();
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("tool file " + file + ": " + message(ex), ex);
		}
	}

	/** Reads a tool given as JSON text (the HTTP API's and the tests' form). */
	public ToolSpec readJson(String text) throws IOException {
		return checked(json.readValue(text, ToolSpec.class));
	}

	private ToolSpec withModel(ObjectMapper mapper, ObjectNode node, Path file) throws IOException {
		var model = node.remove(EXECUTION_MODEL);
		if (model == null) {
			return mapper.treeToValue(node, ToolSpec.class);
		}
		var xml = file.resolveSibling(model.asText());
		ExecutionModel read;
		try (InputStream in = Files.newInputStream(xml)) {
			read = SlicerXml.read(in);
		}
		if (!node.has("version") && read.version() != null) {
			node.put("version", read.version());
		}
		var spec = mapper.treeToValue(node, ToolSpec.class);
		return new ToolSpec(spec.name(), spec.version(), node.has("title") ? spec.title() : read.title(),
				spec.description() == null ? read.description() : spec.description(), spec.image(), spec.imageDigest(),
				spec.command(), spec.parameters().isEmpty() ? read.parameters() : spec.parameters(), spec.inputs(),
				spec.outputs().isEmpty() ? read.outputs() : spec.outputs(), spec.resources(), spec.network());
	}

	private ToolSpec bareXml(Path file) throws IOException {
		ExecutionModel model;
		try (InputStream in = Files.newInputStream(file)) {
			model = SlicerXml.read(in);
		}
		var base = file.getFileName().toString().replaceFirst("(?i)\\.xml$", "");
		return checked(new ToolSpec(base.toLowerCase(Locale.ROOT), model.version() == null ? "unversioned"
				: model.version(), model.title(), model.description(), null, null, List.of(base), model.parameters(),
				List.of(), model.outputs(), null, false));
	}

	private static ToolSpec checked(ToolSpec spec) {
		var wrong = ParameterCheck.checkDefaults(spec);
		if (!wrong.isEmpty()) {
			throw new IllegalArgumentException("tool " + spec.name() + ": " + wrong);
		}
		return spec;
	}

	private static String message(Throwable failure) {
		var cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause
				&& (cause.getMessage() == null || cause instanceof com.fasterxml.jackson.databind.JsonMappingException)) {
			if (cause.getCause() instanceof IllegalArgumentException) {
				return cause.getCause().getMessage();
			}
			cause = cause.getCause();
		}
		return String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
	}

}
