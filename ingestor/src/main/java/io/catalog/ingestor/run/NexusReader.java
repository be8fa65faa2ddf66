package io.catalog.ingestor.run;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;

/**
 * Reads scientific metadata from a NeXus/HDF5 file with jhdf (pure Java) by a mapping: each entry names an HDF5
 * path and the metadata key it becomes, as {@code {value, unit}} with the unit from the {@code units} attribute.
 */
public final class NexusReader {

	/**
	 * One mapping entry.
	 *
	 * @param path HDF5 path, e.g. {@code /entry/instrument/monochromator/energy}
	 * @param key scientific metadata key
	 * @param type {@code number}, {@code string} or {@code array}; empty to keep what the file holds
	 */
	public record Mapping(String path, String key, String type) {
	}

	private static final YAMLMapper YAML = new YAMLMapper();

	private final List<Mapping> mappings;

	private NexusReader(List<Mapping> mappings) {
		this.mappings = List.copyOf(mappings);
	}

	/** The reader of a mapping file, or of the built-in mapping ({@code nexus-mapping.yaml}) when none is given. */
	public static NexusReader of(String mappingFile) {
		try (InputStream in = mappingFile == null || mappingFile.isBlank()
				? NexusReader.class.getResourceAsStream("/nexus-mapping.yaml")
				: Files.newInputStream(Path.of(mappingFile))) {
			return new NexusReader(YAML.readValue(in, new TypeReference<List<Mapping>>() {
			}));
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("INGESTOR_NEXUS_MAPPING: cannot read " + mappingFile, ex);
		}
	}

	/** The metadata the mapping finds in the file; paths the file lacks are left out. */
	public Map<String, Object> read(Path file) {
		if (!Files.isReadable(file)) {
			throw new InvalidRunException("nexusFile: " + file + " is not a readable file");
		}
		var metadata = new LinkedHashMap<String, Object>();
		try (var hdf = new HdfFile(file)) {
			for (var mapping : mappings) {
				Node node;
				try {
					node = hdf.getByPath(mapping.path());
				}
				catch (RuntimeException absent) {
					continue;
				}
				if (node instanceof Dataset dataset) {
					metadata.put(mapping.key(), entry(dataset, mapping));
				}
			}
		}
		catch (RuntimeException ex) {
			throw new InvalidRunException("nexusFile: " + file + " is not a readable HDF5 file: " + ex.getMessage(), ex);
		}
		return metadata;
	}

	private static Map<String, Object> entry(Dataset dataset, Mapping mapping) {
		var value = typed(plain(dataset.getData()), mapping.type());
		var entry = new LinkedHashMap<String, Object>();
		entry.put("value", value);
		Attribute units = dataset.getAttribute("units");
		if (units != null) {
			entry.put("unit", String.valueOf(plain(units.getData())));
		}
		return entry;
	}

	private static Object plain(Object data) {
		if (data != null && data.getClass().isArray()) {
			int length = Array.getLength(data);
			if (length == 1) {
				return plain(Array.get(data, 0));
			}
			var list = new ArrayList<Object>(length);
			for (int i = 0; i < length; i++) {
				list.add(plain(Array.get(data, i)));
			}
			return list;
		}
		return data;
	}

	private static Object typed(Object value, String type) {
		if ("string".equals(type)) {
			return String.valueOf(value);
		}
		if ("number".equals(type) && value instanceof String text) {
			return Double.valueOf(text.trim());
		}
		if ("array".equals(type) && !(value instanceof List<?>)) {
			return List.of(value);
		}
		return value;
	}

}
