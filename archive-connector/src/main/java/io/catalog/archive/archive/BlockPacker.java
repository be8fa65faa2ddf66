package io.catalog.archive.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import io.catalog.archive.storage.BlockStore;
import io.catalog.sdk.model.DataFile;

/**
 * Packs files into tar blocks straight into the storage, in one pass per file: each file is opened and read once
 * (what the tar header needs came with the check), digested as it goes into the tar (and digested with the
 * catalogue's algorithm too when that differs). A written block is completed, read back and digested by the
 * {@link BlockFinisher} on another thread while the next block is packed. A block takes files in path order until the
 * next would pass the target size or the file count; a file larger than the target is alone in its block. Names are
 * {@code <prefix>block-00001.tar} and on, so packing the same files again gives the same blocks under the same names.
 * Only file metadata is held, never contents.
 */
final class BlockPacker {

	private static final int BUFFER = 1 << 20;

	private final BlockStore store;

	private final String algorithm;

	private final long blockSize;

	private final int maxFiles;

	private final Duration pauseAfterBlock;

	BlockPacker(BlockStore store, String algorithm, long blockSize, int maxFiles, Duration pauseAfterBlock) {
		this.store = store;
		this.algorithm = algorithm;
		this.blockSize = blockSize;
		this.maxFiles = maxFiles;
		this.pauseAfterBlock = pauseAfterBlock;
	}

	/**
	 * The packed blocks, each verified in the storage, and the files found changed since they were catalogued (a
	 * checksum or size that differs, a file that became unreadable); when any is, the blocks must not be kept.
	 */
	Packed pack(List<SourceCheck.Found> files, String prefix, LongConsumer fileDone) throws IOException {
		var changed = new ArrayList<String>();
		var buffer = new byte[BUFFER];
		OpenBlock current = null;
		int count = 0;
		try (var finisher = new BlockFinisher(store, algorithm)) {
			try {
				for (var file : files) {
					if (current != null
							&& (current.files.size() >= maxFiles || current.size + file.file().size() > blockSize)) {
						finisher.finish(current.close());
						current = null;
						pause();
					}
					if (current == null) {
						current = new OpenBlock(prefix + "block-%05d.tar".formatted(++count));
					}
					current.add(file, buffer, changed);
					fileDone.accept(file.file().size());
				}
				if (current != null) {
					finisher.finish(current.close());
					current = null;
				}
			}
			finally {
				if (current != null) {
					current.abort();
				}
			}
			return new Packed(finisher.blocks(), changed);
		}
	}

	private void pause() {
		if (pauseAfterBlock.isZero()) {
			return;
		}
		try {
			Thread.sleep(pauseAfterBlock.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * What packing gave.
	 *
	 * @param blocks the blocks written and verified, in order
	 * @param changed the files at fault ({@code path: why})
	 */
	record Packed(List<PackedBlock> blocks, List<String> changed) {
	}

	/** A block being written. */
	private final class OpenBlock {

		private final String name;

		private final BlockStore.Upload upload;

		private final CrcOutputStream written;

		private final TarArchiveOutputStream tar;

		private final List<DataFile> files = new ArrayList<>();

		private final MessageDigest digest = Checksums.digest(algorithm);

		private final Map<String, MessageDigest> digests = new HashMap<>();

		private long size;

		OpenBlock(String name) throws IOException {
			this.name = name;
			this.upload = store.create(name);
			this.written = new CrcOutputStream(upload);
			this.tar = new TarArchiveOutputStream(written, "UTF-8");
			tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
			tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
		}

		void add(SourceCheck.Found found, byte[] buffer, List<String> changed) throws IOException {
			var file = found.file();
			var entry = new TarArchiveEntry(file.path());
			entry.setSize(file.size());
			entry.setModTime(FileTime.from(found.modified().to(TimeUnit.SECONDS), TimeUnit.SECONDS));
			entry.setMode(found.mode());
			tar.setAddPaxHeadersForNonAsciiNames(!ascii(file.path()));
			tar.putArchiveEntry(entry);
			var catalogued = file.chk() != null && !file.chkAlg().equals(algorithm)
					? digests.computeIfAbsent(file.chkAlg(), Checksums::digest) : null;
			var problem = copy(found.path(), file.size(), buffer, digest, catalogued);
			tar.closeArchiveEntry();
			var chk = Checksums.hex(digest.digest());
			var mine = catalogued == null ? chk : Checksums.hex(catalogued.digest());
			if (problem == null && file.chk() != null) {
				if (!mine.equalsIgnoreCase(file.chk())) {
					problem = "checksum differs from the catalogued one";
				}
			}
			if (problem != null) {
				changed.add(file.path() + ": " + problem);
			}
			files.add(copyOf(file.entry()).chk(chk));
			size += file.size();
		}

		/** Copies exactly {@code size} bytes (zeros for any the file no longer has); a reason when the file changed. */
		private String copy(Path path, long size, byte[] buffer, MessageDigest digest, MessageDigest catalogued)
				throws IOException {
			long left = size;
			String problem = null;
			try (InputStream in = Files.newInputStream(path)) {
				while (left > 0) {
					int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
					if (n < 0) {
						problem = "shorter than catalogued";
						break;
					}
					write(buffer, n, digest, catalogued);
					left -= n;
				}
				if (problem == null && in.read() >= 0) {
					problem = "longer than catalogued";
				}
			}
			catch (IOException ex) {
				problem = "unreadable (" + ex.getMessage() + ")";
			}
			if (left > 0) {
				Arrays.fill(buffer, (byte) 0);
				while (left > 0) {
					int n = (int) Math.min(buffer.length, left);
					tar.write(buffer, 0, n);
					left -= n;
				}
			}
			return problem;
		}

		private void write(byte[] buffer, int n, MessageDigest digest, MessageDigest catalogued) throws IOException {
			tar.write(buffer, 0, n);
			digest.update(buffer, 0, n);
			if (catalogued != null) {
				catalogued.update(buffer, 0, n);
			}
		}

		/** Ends the tar; its upload is still to be completed. */
		BlockFinisher.Written close() throws IOException {
			tar.finish();
			tar.close();
			return new BlockFinisher.Written(name, upload, List.copyOf(files), size, written.count(), written.crc());
		}

		void abort() {
			upload.abort();
		}

	}

	/**
	 * Whether a name is plain ASCII, which needs no PAX header; asking the tar stream costs a new encoder per name.
	 * (Modification times are kept to the second, as GNU tar keeps them, for the same reason: a finer one costs a PAX
	 * header, 1 KB, per file.)
	 */
	private static boolean ascii(String name) {
		for (int i = 0; i < name.length(); i++) {
			if (name.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}

	private static DataFile copyOf(DataFile file) {
		return new DataFile().path(file.getPath()).size(file.getSize()).time(file.getTime()).perm(file.getPerm())
			.uid(file.getUid()).gid(file.getGid()).type(file.getType());
	}

}
