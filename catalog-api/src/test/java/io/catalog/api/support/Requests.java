package io.catalog.api.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Request bodies the tests share, shaped like SciCat's own test data. */
public final class Requests {

	private Requests() {
	}

	/** A minimal valid raw dataset owned by the group. */
	public static Map<String, Object> rawDataset(String ownerGroup) {
		var dataset = new HashMap<String, Object>();
		dataset.put("type", "raw");
		dataset.put("ownerGroup", ownerGroup);
		dataset.put("owner", "Ada");
		dataset.put("contactEmail", "ada@facility.test");
		dataset.put("sourceFolder", "/data/run1/");
		dataset.put("creationTime", "2026-03-01T10:00:00Z");
		dataset.put("principalInvestigator", "Ada");
		dataset.put("creationLocation", "/PSI/SLS/TOMCAT");
		dataset.put("datasetName", "run 1");
		dataset.put("scientificMetadata", Map.of("energy", Map.of("value", 9.7, "unit", "keV")));
		return dataset;
	}

	/** A file list of {@code count} files of {@code size} bytes each. */
	public static Map<String, Object> fileBlock(int count, long size) {
		var files = new java.util.ArrayList<Map<String, Object>>();
		for (int i = 0; i < count; i++) {
			files.add(Map.of("path", "/data/run1/file" + i + ".h5", "size", size, "time", "2026-03-01T10:00:00Z",
					"uid", "1000", "gid", "1000", "perm", "-rw-r--r--"));
		}
		var block = new HashMap<String, Object>();
		block.put("size", count * size);
		block.put("dataFileList", List.copyOf(files));
		return block;
	}

}
