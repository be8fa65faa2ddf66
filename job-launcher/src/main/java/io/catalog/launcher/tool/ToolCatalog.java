package io.catalog.launcher.tool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tools this launcher runs, read once at start from its tool folders (every {@code .json}, {@code .yaml},
 * {@code .yml} and {@code .xml} directly inside; an XML that a tool file names as its execution model is not a tool
 * of its own). A file that is not a valid tool stops the start, naming the file and the fault; two tools of one name
 * too.
 */
public final class ToolCatalog {

	private static final Logger log = LoggerFactory.getLogger(ToolCatalog.class);

	private final Map<String, ToolSpec> tools;

	public ToolCatalog(Collection<ToolSpec> tools) {
		var byName = new TreeMap<String, ToolSpec>();
		for (var tool : tools) {
			if (byName.putIfAbsent(tool.name(), tool) != null) {
				throw new IllegalArgumentException("two tools are named " + tool.name());
			}
		}
		this.tools = byName;
	}

	/** The tools in {@code folders}. */
	public static ToolCatalog load(List<Path> folders) {
		var reader = new ToolReader();
		var specs = new java.util.ArrayList<ToolSpec>();
		for (var folder : folders) {
			var files = files(folder);
			var models = files.stream().filter(file -> !file.toString().endsWith(".xml"))
				.map(reader::executionModel).flatMap(Optional::stream).toList();
			for (var file : files) {
				if (!models.contains(file.getFileName().toString())) {
					specs.add(reader.read(file));
				}
			}
		}
		var catalog = new ToolCatalog(specs);
		log.info("tools: {}", catalog.tools.keySet());
		return catalog;
	}

	private static List<Path> files(Path folder) {
		if (!Files.isDirectory(folder)) {
			throw new IllegalArgumentException("tool folder " + folder + " does not exist");
		}
		try (Stream<Path> list = Files.list(folder)) {
			return list.filter(Files::isRegularFile).filter(ToolReader::isToolFile).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list tool folder " + folder, ex);
		}
	}

	/** Every tool, by name. */
	public Collection<ToolSpec> all() {
		return tools.values();
	}

	/** The tool called {@code name}. */
	public Optional<ToolSpec> find(String name) {
		return Optional.ofNullable(name == null ? null : tools.get(name));
	}

}
