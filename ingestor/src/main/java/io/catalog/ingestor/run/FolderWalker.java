package io.catalog.ingestor.run;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

import io.catalog.sdk.model.DataFile;

/**
 * Lists a run's files: relative path, size, mtime, uid, gid and permissions, and a checksum (streamed through the
 * JDK's {@link MessageDigest}) when an algorithm is configured. Sorted by path, so block contents are stable.
 */
public final class FolderWalker {

	private static final String UNIX = "unix:size,lastModifiedTime,uid,gid,permissions";

	private final String checksum;

	public FolderWalker(String checksum) {
		this.checksum = checksum == null || checksum.isBlank() ? null : checksum;
		if (this.checksum != null) {
			digest();
		}
	}

	/** The checksum algorithm, or {@code null}. */
	public String algorithm() {
		return checksum;
	}

	/** Walks the folder; {@code progress} hears the count of files seen so far. */
	public List<DataFile> walk(Path folder, IntConsumer progress) {
		if (!Files.isDirectory(folder)) {
			throw new InvalidRunException("sourceFolder: " + folder + " is not a readable folder");
		}
		var files = new ArrayList<DataFile>();
		boolean unix = folder.getFileSystem().supportedFileAttributeViews().contains("unix");
		try {
			Files.walkFileTree(folder, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes basic) throws IOException {
					if (basic.isRegularFile()) {
						files.add(describe(folder, file, basic, unix));
						progress.accept(files.size());
					}
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (IOException ex) {
			throw new InvalidRunException("sourceFolder: cannot read " + folder + ": " + ex.getMessage(), ex);
		}
		files.sort(Comparator.comparing(DataFile::getPath));
		return files;
	}

	private DataFile describe(Path folder, Path file, BasicFileAttributes basic, boolean unix) throws IOException {
		var described = new DataFile().path(folder.relativize(file).toString().replace('\\', '/'))
			.size(BigDecimal.valueOf(basic.size()))
			.time(basic.lastModifiedTime().toInstant().atOffset(ZoneOffset.UTC));
		if (unix) {
			Map<String, Object> attributes = Files.readAttributes(file, UNIX);
			described.uid(String.valueOf(attributes.get("uid")))
				.gid(String.valueOf(attributes.get("gid")))
				.perm("-" + PosixFilePermissions.toString(permissions(attributes.get("permissions"))))
				.time(((FileTime) attributes.get("lastModifiedTime")).toInstant().atOffset(ZoneOffset.UTC));
		}
		if (checksum != null) {
			described.chk(checksum(file));
		}
		return described;
	}

	@SuppressWarnings("unchecked")
	private static Set<PosixFilePermission> permissions(Object value) {
		return (Set<PosixFilePermission>) value;
	}

	private String checksum(Path file) throws IOException {
		var digest = digest();
		var buffer = new byte[64 * 1024];
		try (InputStream in = Files.newInputStream(file)) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				digest.update(buffer, 0, read);
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private MessageDigest digest() {
		try {
			return MessageDigest.getInstance(checksum);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalArgumentException("INGESTOR_CHECKSUM: unknown algorithm " + checksum, ex);
		}
	}

}
