package io.catalog.archive.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks, before anything is written, that every catalogued file is under the dataset's {@code sourceFolder} (a
 * symbolic link too, once followed), is there as a regular file, and has its catalogued size. (Checksums are compared while packing, so each file is read
 * once.) Source files are only ever read.
 */
final class SourceCheck {

	private SourceCheck() {
	}

	/** One line per file at fault ({@code path: why}); empty when all are there. */
	static List<String> problems(Path folder, List<SourceFile> files) {
		var problems = new ArrayList<String>();
		if (!Files.isDirectory(folder)) {
			problems.add(folder + ": sourceFolder is missing");
			return problems;
		}
		Path real;
		try {
			real = folder.toRealPath();
		}
		catch (IOException ex) {
			problems.add(folder + ": sourceFolder is unreadable (" + ex.getMessage() + ")");
			return problems;
		}
		for (var file : files) {
			var path = resolve(folder, file.path());
			if (path == null) {
				problems.add(file.path() + ": outside the sourceFolder");
				continue;
			}
			if (!Files.isRegularFile(path)) {
				problems.add(file.path() + ": missing");
				continue;
			}
			if (!within(real, path)) {
				problems.add(file.path() + ": leads out of the sourceFolder through a symbolic link");
				continue;
			}
			try {
				long size = Files.size(path);
				if (size != file.size()) {
					problems.add(file.path() + ": size " + size + " bytes, catalogued " + file.size());
				}
			}
			catch (IOException ex) {
				problems.add(file.path() + ": unreadable (" + ex.getMessage() + ")");
			}
		}
		return problems;
	}

	private static boolean within(Path realFolder, Path path) {
		try {
			return path.toRealPath().startsWith(realFolder);
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** The file's path under {@code folder}, or {@code null} when its catalogued path leads out of it. */
	static Path resolve(Path folder, String relative) {
		if (relative == null || relative.isBlank()) {
			return null;
		}
		var path = folder.resolve(relative).normalize();
		return path.startsWith(folder.normalize()) && !path.equals(folder.normalize()) ? path : null;
	}

}
