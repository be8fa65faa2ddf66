package io.catalog.archive.retrieve;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.catalog.archive.archive.Checksums;
import io.catalog.archive.archive.Outcome;
import io.catalog.archive.archive.Tracker;
import io.catalog.archive.catalog.Catalog;
import io.catalog.archive.storage.BlockStore;
import io.catalog.sdk.CatalogException;
import io.catalog.sdk.model.Datablock;
import io.catalog.sdk.model.DatasetLifecycle;

/**
 * Retrieves one dataset of a job: the files asked for (all, or {@code jobParams.datasetList[].files}) are read from
 * the dataset's datablocks in storage, its checksum computed as it is written and compared with the one its datablock
 * records. A file not there yet is written in its place (created new, never through a symbolic link) and removed
 * again when its checksum does not match or its writing fails; a file already there is replaced only once the new
 * copy, written beside it as {@code <name>.retrieving}, matches. So no file is left with a checksum other than the
 * catalogued one, except one a connector killed mid-file leaves behind: its job is resumed, and the file, now there,
 * is then written again beside and moved over. The lifecycle gets {@code retrieveStatusMessage} ({@code started},
 * then {@code datasetRetrieved} or {@code retrieveIntegrityCheckFailed}) and {@code retrieveIntegrityCheck}. A block that cannot be read, or a file of it whose checksum does not match, is
 * read again from the block's copies ({@code tapeRedundancy}), one after the other.
 */
public final class DatasetRetriever {

	private static final Logger log = LoggerFactory.getLogger(DatasetRetriever.class);

	private static final String PARTIAL = ".retrieving";

	private static final int BUFFER = 1 << 20;

	private final Catalog catalog;

	private final List<BlockStore> stores;

	private final Destinations destinations;

	/** Reads the blocks from {@code stores}: the store, then the stores of its copies. */
	public DatasetRetriever(Catalog catalog, List<BlockStore> stores, Destinations destinations) {
		this.catalog = catalog;
		this.stores = List.copyOf(stores);
		this.destinations = destinations;
	}

	/** Retrieves the dataset; storage failures are retried, and throw only once the retries are used up. */
	public Outcome retrieve(String pid, List<String> files, String destinationPath, Tracker tracker) {
		try {
			return catalog.retry().call("retrieve " + pid, () -> attempt(pid, files, destinationPath, tracker));
		}
		catch (Destinations.RefusedException ex) {
			log.info("retrieve of {} refused: {}", pid, ex.getMessage());
			return Outcome.failure(pid, "destination refused: " + ex.getMessage(), Map.of());
		}
		catch (CatalogException ex) {
			return Outcome.failure(pid, "retrieveSystemError: " + ex.getMessage(), Map.of());
		}
	}

	private Outcome attempt(String pid, List<String> asked, String destinationPath, Tracker tracker)
			throws IOException {
		var dataset = catalog.dataset(pid);
		var folder = destinations.of(destinationPath, pid, dataset.getSourceFolder());
		var located = Located.of(catalog.datablocks(pid), asked);
		if (located.files().isEmpty() && asked.isEmpty()) {
			return Outcome.failure(pid, "the dataset has no datablocks: it is not archived", Map.of());
		}
		if (!located.missing().isEmpty()) {
			return Outcome.failure(pid, located.missing().size() + " files asked for are in no datablock",
					Map.of("missingFiles", located.missing()));
		}
		tracker.plan(located.files().size(), located.bytes());
		catalog.lifecycle(pid, new DatasetLifecycle().retrieveStatusMessage("started"));
		var problems = new ArrayList<String>();
		var done = new HashSet<String>();
		var writer = new Writer(folder);
		long start = System.nanoTime();
		for (var block : located.blocks()) {
			problems.addAll(read(block, located, writer, done, tracker));
		}
		log.info("dataset {}: {} files retrieved and verified in {} ms", pid, done.size(),
				(System.nanoTime() - start) / 1_000_000);
		located.files().keySet().stream().filter(path -> !done.contains(path))
			.forEach(path -> problems.add(path + ": not found in its datablock"));
		var details = new LinkedHashMap<String, Object>();
		details.put("destination", folder.toString());
		details.put("files", done.size());
		details.put("bytes", located.bytes());
		if (!problems.isEmpty()) {
			details.put("integrityErrors", problems.size() > 1000 ? problems.subList(0, 1000) : problems);
			catalog.lifecycle(pid, new DatasetLifecycle().retrieveStatusMessage("retrieveIntegrityCheckFailed")
				.retrieveIntegrityCheck(false).retrieveReturnMessage(details));
			return Outcome.failure(pid, "retrieveIntegrityCheckFailed: " + problems.size() + " files", details);
		}
		catalog.lifecycle(pid, new DatasetLifecycle().retrieveStatusMessage("datasetRetrieved")
			.retrieveIntegrityCheck(true).retrieveReturnMessage(details));
		return Outcome.success(pid, "datasetRetrieved", details);
	}

	/**
	 * Retrieves the files asked for of one block: from the store, and what fails there (the block unreadable, a file
	 * whose checksum does not match) from each copy in turn ({@code tapeRedundancy}); the problems left at the end.
	 */
	private List<String> read(Datablock block, Located located, Writer writer, Set<String> done, Tracker tracker)
			throws IOException {
		var wanted = new HashSet<String>();
		located.files().values().stream().filter(file -> file.block() == block).forEach(file -> wanted.add(file.path()));
		var failed = new LinkedHashMap<String, String>();
		for (int i = 0; i < stores.size() && !wanted.isEmpty(); i++) {
			failed.clear();
			try (var tar = new TarArchiveInputStream(
					new BufferedInputStream(stores.get(i).open(block.getArchiveId()), BUFFER), "UTF-8")) {
				for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
					if (!entry.isFile() || !wanted.contains(entry.getName())) {
						continue;
					}
					var file = located.files().get(entry.getName());
					var problem = writer.write(tar, file);
					if (problem == null) {
						wanted.remove(file.path());
						done.add(file.path());
						tracker.done(file.size());
					}
					else {
						failed.put(file.path(), problem);
					}
				}
			}
			catch (IOException ex) {
				if (i == stores.size() - 1) {
					throw ex;
				}
				log.warn("block {} unreadable in {} ({}); reading its copy", block.getArchiveId(),
						stores.get(i).describe(), ex.getMessage());
				continue;
			}
			if (!failed.isEmpty() && i < stores.size() - 1) {
				log.warn("{} files of block {} wrong in {}; reading them from its copy", failed.size(),
						block.getArchiveId(), stores.get(i).describe());
			}
		}
		done.addAll(failed.keySet());
		return failed.entrySet().stream().map(entry -> entry.getKey() + ": " + entry.getValue()).toList();
	}

	/** Writes files under one folder, with one buffer and each folder created once. */
	private static final class Writer {

		private final Path folder;

		private final byte[] buffer = new byte[BUFFER];

		private final Set<Path> folders = new HashSet<>();

		private final Set<Path> checked = new HashSet<>();

		Writer(Path folder) {
			this.folder = folder;
		}

		/** Writes one file, verified; the reason when it could not be. */
		String write(InputStream content, Located.File file) throws IOException {
			var target = inside(folder, file.path());
			if (target == null) {
				return "leads out of the destination";
			}
			if (folders.add(target.getParent())) {
				Files.createDirectories(target.getParent());
				if (!target.getParent().toRealPath().startsWith(folder.toRealPath())) {
					return "leads out of the destination through a symbolic link";
				}
			}
			else if (!checked.contains(target.getParent())) {
				return "leads out of the destination through a symbolic link";
			}
			checked.add(target.getParent());
			var digest = file.algorithm() == null ? null : Checksums.digest(file.algorithm());
			var written = target;
			OutputStream fresh;
			try {
				fresh = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
						LinkOption.NOFOLLOW_LINKS);
			}
			catch (FileAlreadyExistsException ex) {
				written = target.resolveSibling(target.getFileName() + PARTIAL);
				Files.deleteIfExists(written);
				fresh = Files.newOutputStream(written, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
						LinkOption.NOFOLLOW_LINKS);
			}
			try (var out = fresh) {
				copy(content, out, digest);
			}
			catch (IOException | RuntimeException ex) {
				Files.deleteIfExists(written);
				throw ex;
			}
			var chk = digest == null ? null : Checksums.hex(digest.digest());
			if (chk == null || file.chk() == null || !chk.equalsIgnoreCase(file.chk())) {
				Files.deleteIfExists(written);
				return chk == null || file.chk() == null ? "no checksum to verify against"
						: "checksum " + chk + ", catalogued " + file.chk();
			}
			if (!written.equals(target)) {
				try {
					Files.move(written, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
				}
				catch (AtomicMoveNotSupportedException ex) {
					Files.move(written, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
			return null;
		}

		private void copy(InputStream content, OutputStream out, MessageDigest digest) throws IOException {
			for (int n; (n = content.read(buffer)) >= 0;) {
				out.write(buffer, 0, n);
				if (digest != null) {
					digest.update(buffer, 0, n);
				}
			}
		}

	}

	private static Path inside(Path folder, String relative) {
		var path = folder.resolve(relative).normalize();
		return path.startsWith(folder) && !path.equals(folder) ? path : null;
	}

}
