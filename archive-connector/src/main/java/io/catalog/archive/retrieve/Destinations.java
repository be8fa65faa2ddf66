package io.catalog.archive.retrieve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.catalog.archive.archive.StorageNames;

/**
 * Where a retrieve may write. Without a {@code destinationPath} a dataset goes back to its own {@code sourceFolder};
 * a {@code destinationPath} must be absolute, free of {@code ..}, and inside one of the allowed roots
 * ({@code ARCHIVE_ALLOWED_ROOTS}) also once symbolic links are followed; the dataset then goes to
 * {@code <destinationPath>/<pid, URL-encoded>}. Anything else is refused.
 */
public final class Destinations {

	private final List<Path> roots;

	public Destinations(List<String> allowedRoots) {
		this.roots = allowedRoots.stream().map(root -> Path.of(root).toAbsolutePath().normalize()).toList();
	}

	/** The folder to write the dataset to; throws {@link RefusedException} naming why a destination is refused. */
	public Path of(String destinationPath, String pid, String sourceFolder) {
		if (destinationPath == null) {
			if (sourceFolder == null || sourceFolder.isBlank()) {
				throw new RefusedException("the dataset has no sourceFolder and the job names no destinationPath");
			}
			return checked(sourceFolder, "sourceFolder");
		}
		var destination = checked(destinationPath, "destinationPath");
		var root = roots.stream().filter(destination::startsWith).findFirst()
			.orElseThrow(() -> new RefusedException("destinationPath " + destinationPath
					+ " is not inside an allowed root (ARCHIVE_ALLOWED_ROOTS: " + roots + ")"));
		if (!realPath(destination).startsWith(realPath(root))) {
			throw new RefusedException("destinationPath " + destinationPath + " leads out of " + root
					+ " through a symbolic link");
		}
		return destination.resolve(StorageNames.encode(pid));
	}

	private static Path checked(String folder, String name) {
		Path path;
		try {
			path = Path.of(folder);
		}
		catch (RuntimeException ex) {
			throw new RefusedException(name + " " + folder + " is not a path");
		}
		if (!path.isAbsolute()) {
			throw new RefusedException(name + " " + folder + " is not absolute");
		}
		for (var part : path) {
			if (part.toString().equals("..")) {
				throw new RefusedException(name + " " + folder + " contains ..");
			}
		}
		return path.normalize();
	}

	/** The real path of the deepest existing folder of {@code path}, with the rest appended. */
	private static Path realPath(Path path) {
		var existing = path;
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		if (existing == null) {
			return path;
		}
		try {
			return existing.toRealPath().resolve(existing.relativize(path));
		}
		catch (IOException ex) {
			return path;
		}
	}

	/** A destination that may not be written to. */
	public static final class RefusedException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		RefusedException(String message) {
			super(message);
		}

	}

}
