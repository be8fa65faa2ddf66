package io.catalog.ingestor.run;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a run document (a metadata file or a run message, JSON or YAML): dataset fields, scientific metadata, a
 * {@code sourceFolder}, and the ingestor's own fields {@code runId} and {@code nexusFile}.
 */
public final class RunReader {

	private static final YAMLMapper YAML = new YAMLMapper();

	private final String pidPrefix;

	public RunReader(String pidPrefix) {
		this.pidPrefix = pidPrefix;
	}

	/** Reads a run; a relative {@code sourceFolder} or {@code nexusFile} is resolved against {@code base}. */
	public Run read(byte[] document, Path base) {
		JsonNode node;
		try {
			node = YAML.readTree(document);
		}
		catch (IOException ex) {
			throw new InvalidRunException("not a JSON or YAML document: " + ex.getMessage(), ex);
		}
		if (!(node instanceof ObjectNode dataset)) {
			throw new InvalidRunException("a run document must be an object of dataset fields");
		}
		var runId = text(dataset.remove("runId"));
		var nexus = text(dataset.remove("nexusFile"));
		var folder = text(dataset.get("sourceFolder"));
		Path nexusFile = nexus == null ? null : resolve(base, nexus);
		if (folder == null && nexusFile != null) {
			folder = nexusFile.getParent().toString();
			dataset.put("sourceFolder", folder);
		}
		if (folder == null) {
			throw new InvalidRunException("sourceFolder: required (or a nexusFile beside the data)");
		}
		var sourceFolder = resolve(base, folder);
		dataset.put("sourceFolder", sourceFolder.toString());
		dataset.putIfAbsent("type", dataset.textNode("raw"));
		var pid = text(dataset.get("pid"));
		if (pid == null) {
			pid = Pids.of(pidPrefix, runId != null ? runId : sourceFolder + "|" + text(dataset.get("datasetName")));
			dataset.put("pid", pid);
		}
		return new Run(runId != null ? runId : pid, pid, dataset, sourceFolder, nexusFile);
	}

	/** Overrides the folder whose files are listed (the command line's {@code --folder}). */
	public static Run withFolder(Run run, Path folder) {
		run.dataset().put("sourceFolder", folder.toAbsolutePath().normalize().toString());
		return new Run(run.runId(), run.pid(), run.dataset(), folder.toAbsolutePath().normalize(), run.nexusFile());
	}

	private static Path resolve(Path base, String path) {
		var given = Path.of(path);
		return (given.isAbsolute() || base == null ? given : base.resolve(given)).toAbsolutePath().normalize();
	}

	private static String text(JsonNode node) {
		return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText();
	}

}
