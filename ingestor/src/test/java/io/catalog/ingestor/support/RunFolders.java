package io.catalog.ingestor.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the real files of a run for the tests. */
public final class RunFolders {

	private RunFolders() {
	}

	/** A folder with {@code count} small files (some in a sub-folder). */
	public static Path withFiles(Path parent, String name, int count) {
		try {
			var folder = Files.createDirectories(parent.resolve(name));
			Files.createDirectories(folder.resolve("sub"));
			for (int i = 0; i < count; i++) {
				var file = (i % 2 == 0 ? folder : folder.resolve("sub")).resolve("scan_%05d.dat".formatted(i));
				Files.writeString(file, "data " + i);
			}
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A run document (JSON) for the folder, owned by group {@code p1234}. */
	public static String runDocument(String runId, Path folder, String datasetName) {
		return """
				{"runId": "%s", "datasetName": "%s", "sourceFolder": "%s", "ownerGroup": "p1234",
				 "owner": "Ada Lovelace", "contactEmail": "ada@facility.example", "principalInvestigator": "Ada Lovelace",
				 "creationTime": "2026-11-22T10:00:00Z", "creationLocation": "/Facility/Beamline",
				 "scientificMetadata": {"exposure": {"value": 20, "unit": "ms"}}}
				""".formatted(runId, datasetName, folder.toString().replace("\\", "\\\\"));
	}

}
