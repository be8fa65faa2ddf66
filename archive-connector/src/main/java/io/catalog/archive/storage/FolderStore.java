package io.catalog.archive.storage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Blocks as files under a root folder ({@code CATALOG_DATA_DIR/archive} by default). A block is written to
 * {@code <name>.part}, forced to disk and renamed into place, so a block either is there whole or not at all.
 */
public final class FolderStore implements BlockStore {

	static final String PART = ".part";

	private final Path root;

	public FolderStore(Path root) throws IOException {
		this.root = Files.createDirectories(root).toAbsolutePath().normalize();
	}

	@Override
	public Upload create(String name) throws IOException {
		var target = resolve(name);
		Files.createDirectories(target.getParent());
		var part = target.resolveSibling(target.getFileName() + PART);
		var channel = FileChannel.open(part, StandardOpenOption.CREATE,
				StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
		OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 20);
		return new Upload() {

			private boolean done;

			@Override
			public void write(int b) throws IOException {
				out.write(b);
			}

			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				out.write(b, off, len);
			}

			@Override
			public void close() throws IOException {
				if (done) {
					return;
				}
				done = true;
				out.flush();
				channel.force(true);
				out.close();
				try {
					Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
				}
				catch (AtomicMoveNotSupportedException ex) {
					Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}

			@Override
			public void abort() {
				done = true;
				try {
					out.close();
					Files.deleteIfExists(part);
				}
				catch (IOException ignored) {
					// deleteAll removes it later
				}
			}

		};
	}

	@Override
	public InputStream open(String name) throws IOException {
		return Files.newInputStream(resolve(name));
	}

	@Override
	public boolean exists(String name) {
		return Files.isRegularFile(resolve(name));
	}

	@Override
	public List<String> list(String prefix) throws IOException {
		var dir = resolve(prefix);
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).map(file -> root.relativize(file).toString().replace('\\', '/'))
				.sorted().toList();
		}
	}

	@Override
	public void deleteAll(String prefix) throws IOException {
		var dir = resolve(prefix);
		if (!Files.isDirectory(dir)) {
			return;
		}
		var failures = new ArrayList<IOException>();
		Files.walkFileTree(dir, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
				delete(file, failures);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult postVisitDirectory(Path folder, IOException exc) {
				delete(folder, failures);
				return FileVisitResult.CONTINUE;
			}

		});
		if (!failures.isEmpty()) {
			throw failures.get(0);
		}
	}

	private static void delete(Path path, List<IOException> failures) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			failures.add(ex);
		}
	}

	@Override
	public String describe() {
		return root.toUri().toString();
	}

	private Path resolve(String name) {
		var path = root.resolve(name).normalize();
		if (!path.startsWith(root) || path.equals(root) && !name.isEmpty()) {
			throw new IllegalArgumentException("object name outside the store: " + name);
		}
		return path;
	}

}
