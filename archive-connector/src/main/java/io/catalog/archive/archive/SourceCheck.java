package io.catalog.archive.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Checks, before anything is written, that every catalogued file is under the dataset's {@code sourceFolder} (a
 * symbolic link too, once followed), is there as a regular file, and has its catalogued size. Each file is looked at
 * once (one {@code lstat}; a symbolic link is followed and its target's real path checked), each folder's real path
 * once per folder, and what packing needs of a file (modification time, mode) is kept, so packing only opens and
 * reads it. (Checksums are compared while packing, so each file is read once.) Source files are only ever read.
 */
final class SourceCheck {

	private SourceCheck() {
	}

	/**
	 * A file found as catalogued.
	 *
	 * @param file the catalogued file
	 * @param path where it is
	 * @param modified its modification time
	 * @param mode its tar mode (type and permission bits)
	 */
	record Found(SourceFile file, Path path, FileTime modified, int mode) {
	}

	/**
	 * What the check found.
	 *
	 * @param found the files as found, in the order given; complete only when there are no problems
	 * @param problems one line per file at fault ({@code path: why}); empty when all are there
	 */
	record Checked(List<Found> found, List<String> problems) {
	}

	/** Checks the files under {@code folder}. */
	static Checked check(Path folder, List<SourceFile> files) {
		var found = new ArrayList<Found>(files.size());
		var problems = new ArrayList<String>();
		if (!Files.isDirectory(folder)) {
			problems.add(folder + ": sourceFolder is missing");
			return new Checked(found, problems);
		}
		Path real;
		try {
			real = folder.toRealPath();
		}
		catch (IOException ex) {
			problems.add(folder + ": sourceFolder is unreadable (" + ex.getMessage() + ")");
			return new Checked(found, problems);
		}
		var folders = new HashMap<Path, Boolean>();
		for (var file : files) {
			var problem = check(folder, real, file, folders, found);
			if (problem != null) {
				problems.add(file.path() + ": " + problem);
			}
		}
		return new Checked(found, problems);
	}

	/** Problems only (for the tests and messages). */
	static List<String> problems(Path folder, List<SourceFile> files) {
		return check(folder, files).problems();
	}

	private static String check(Path folder, Path real, SourceFile file, Map<Path, Boolean> folders,
			List<Found> found) {
		var path = resolve(folder, file.path());
		if (path == null) {
			return "outside the sourceFolder";
		}
		BasicFileAttributes attributes;
		try {
			attributes = attributes(path, LinkOption.NOFOLLOW_LINKS);
			if (attributes.isSymbolicLink()) {
				if (!within(real, path)) {
					return Files.exists(path) ? "leads out of the sourceFolder through a symbolic link" : "missing";
				}
				attributes = attributes(path);
			}
			else if (!folders.computeIfAbsent(path.getParent(), parent -> within(real, parent))) {
				return "leads out of the sourceFolder through a symbolic link";
			}
		}
		catch (NoSuchFileException ex) {
			return "missing";
		}
		catch (IOException ex) {
			return "unreadable (" + ex.getMessage() + ")";
		}
		if (!attributes.isRegularFile()) {
			return "missing";
		}
		if (attributes.size() != file.size()) {
			return "size " + attributes.size() + " bytes, catalogued " + file.size();
		}
		found.add(new Found(file, path, attributes.lastModifiedTime(), mode(attributes)));
		return null;
	}

	private static BasicFileAttributes attributes(Path path, LinkOption... options) throws IOException {
		try {
			return Files.readAttributes(path, PosixFileAttributes.class, options);
		}
		catch (UnsupportedOperationException ex) {
			return Files.readAttributes(path, BasicFileAttributes.class, options);
		}
	}

	private static int mode(BasicFileAttributes attributes) {
		if (!(attributes instanceof PosixFileAttributes posix)) {
			return TarArchiveEntry.DEFAULT_FILE_MODE;
		}
		int mode = 0;
		for (var permission : PosixFilePermission.values()) {
			mode <<= 1;
			mode |= posix.permissions().contains(permission) ? 1 : 0;
		}
		return TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | mode;
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
