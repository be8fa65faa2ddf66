package io.catalog.archive.archive;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.catalog.archive.catalog.Catalog;
import io.catalog.archive.storage.BlockStore;
import io.catalog.sdk.CatalogException;
import io.catalog.sdk.model.CreateDatasetDatablock;
import io.catalog.sdk.model.Datablock;
import io.catalog.sdk.model.DatasetLifecycle;

/**
 * Archives one dataset of a job, so that a crash at any point leaves nothing half done: the catalogued files are
 * checked (a missing or changed one fails the dataset with {@code missingFilesError} and leaves no block), packed into
 * blocks under the job's own storage prefix, each block re-read from storage and verified ({@link BlockFinisher}), the
 * copies the group's {@code tapeRedundancy} asks for written and verified ({@link Copies}), a manifest written, and
 * only then the datablocks registered (those not registered yet) and the lifecycle set to
 * {@code datasetOnArchiveDisk}, with {@code exportedTo} and {@code dateOfDiskPurging} (from now: the archive is
 * verified; the connector never purges). A resumed job with a manifest only completes the registration; one without
 * starts the dataset again after removing what the earlier attempt left under its prefix, as a cancelled job does.
 */
public final class DatasetArchiver {

	static final String VERSION = "catalog archive-connector tar v1";

	private static final int REGISTERING = 2;

	private static final Logger log = LoggerFactory.getLogger(DatasetArchiver.class);

	private final Catalog catalog;

	private final BlockStore store;

	private final BlockPacker packer;

	private final Manifest manifest;

	private final String algorithm;

	private final Copies copies;

	public DatasetArchiver(Catalog catalog, BlockStore store, Copies copies, ObjectMapper mapper, String algorithm,
			long blockSize, int maxFiles, Duration pauseAfterBlock) {
		this.catalog = catalog;
		this.store = store;
		this.copies = copies;
		this.algorithm = algorithm;
		this.packer = new BlockPacker(store, algorithm, blockSize, maxFiles, pauseAfterBlock);
		this.manifest = new Manifest(mapper);
	}

	/** Archives the dataset; storage failures are retried, and throw only once the retries are used up. */
	public Outcome archive(String jobId, String pid, Tracker tracker) {
		try {
			return catalog.retry().call("archive " + pid, () -> attempt(jobId, pid, tracker));
		}
		catch (CancelledException ex) {
			cancelled(jobId, pid);
			throw ex;
		}
		catch (CatalogException ex) {
			log.warn("archiving {} refused by the catalog: {}", pid, ex.getMessage());
			catalog.lifecycle(pid, new DatasetLifecycle().archiveStatusMessage("scheduleArchiveJobFailed")
				.archivable(true).archiveReturnMessage(Map.of("error", ex.getMessage())));
			return Outcome.failure(pid, "scheduleArchiveJobFailed: " + ex.getMessage(), Map.of());
		}
	}

	private Outcome attempt(String jobId, String pid, Tracker tracker) throws IOException {
		var prefix = StorageNames.prefix(pid, jobId);
		var entries = manifest.read(store, prefix);
		if (entries == null) {
			long reading = System.nanoTime();
			var started = CompletableFuture.runAsync(() -> catalog.lifecycle(pid,
					new DatasetLifecycle().archiveStatusMessage("started").archivable(false).retrievable(false)));
			var dataset = catalog.dataset(pid);
			var files = SourceFile.of(catalog.origDatablocks(pid));
			join(started);
			long checking = System.nanoTime();
			log.info("dataset {}: lifecycle started and file lists read in {} ms", pid, (checking - reading) / 1_000_000);
			var folder = Path.of(dataset.getSourceFolder() == null ? "" : dataset.getSourceFolder());
			var checked = SourceCheck.check(folder, files);
			store.deleteAll(prefix);
			copies.deleteAll(prefix);
			if (!checked.problems().isEmpty()) {
				return missingFiles(pid, checked.problems());
			}
			tracker.plan(files.size(), files.stream().mapToLong(SourceFile::size).sum());
			long start = System.nanoTime();
			var packed = packer.pack(checked.found(), prefix, tracker::done);
			if (!packed.changed().isEmpty()) {
				store.deleteAll(prefix);
				return missingFiles(pid, packed.changed());
			}
			copies.write(store, packed.blocks(), algorithm, Copies.asked(tapeRedundancy(dataset.getOwnerGroup())));
			entries = new ArrayList<>();
			for (var block : packed.blocks()) {
				entries.add(new Manifest.Entry(block.chk(), algorithm, datablock(block)));
			}
			manifest.write(store, prefix, entries);
			log.info("dataset {}: {} files checked in {} ms, packed into {} blocks and verified in {} ms", pid,
					files.size(), (start - checking) / 1_000_000, entries.size(), (System.nanoTime() - start) / 1_000_000);
		}
		long registering = System.nanoTime();
		register(pid, prefix, entries);
		log.info("dataset {}: datablocks registered in {} ms", pid, (System.nanoTime() - registering) / 1_000_000);
		long bytes = entries.stream().mapToLong(entry -> entry.datablock().getSize().longValue()).sum();
		long files = entries.stream().mapToLong(entry -> entry.datablock().getDataFileList().size()).sum();
		var details = new LinkedHashMap<String, Object>();
		details.put("blocks", entries.size());
		details.put("files", files);
		details.put("bytes", bytes);
		details.put("storage", store.describe() + prefix);
		var held = copies.holding(entries.stream().map(entry -> entry.datablock().getArchiveId()).toList());
		var dataset = catalog.dataset(pid);
		var asked = Copies.asked(tapeRedundancy(dataset.getOwnerGroup()));
		details.put("copies", 1 + held.size());
		if (1 + held.size() < asked) {
			details.put("copiesAsked", asked);
			log.warn("dataset {}: its policy asks for {} copies, {} stores are configured", pid, asked, 1 + held.size());
		}
		var exported = new ArrayList<String>(List.of(store.describe()));
		exported.addAll(held);
		catalog.lifecycle(pid, new DatasetLifecycle().archiveStatusMessage("datasetOnArchiveDisk").archivable(false)
			.retrievable(true).storageLocation(store.describe() + prefix).exportedTo(String.join(", ", exported))
			.dateOfDiskPurging(purgeable(dataset.getDatasetlifecycle())).archiveReturnMessage(details));
		return Outcome.success(pid, "datasetOnArchiveDisk", details);
	}

	/**
	 * The {@code tapeRedundancy} of the group's policy, or {@code null} (one copy) when there is none or the
	 * connector's account may not read it, which is logged: a policy it cannot read never fails an archive.
	 */
	private String tapeRedundancy(String ownerGroup) {
		if (ownerGroup == null) {
			return null;
		}
		try {
			return catalog.policies(List.of(ownerGroup)).stream().map(policy -> policy.getTapeRedundancy())
				.filter(value -> value != null).findFirst().orElse(null);
		}
		catch (CatalogException ex) {
			log.warn("cannot read the policy of {} ({}); keeping one copy", ownerGroup, ex.getMessage());
			return null;
		}
	}

	/** Removes what the cancelled job stored of the dataset, which becomes archivable again. */
	private void cancelled(String jobId, String pid) {
		var prefix = StorageNames.prefix(pid, jobId);
		try {
			store.deleteAll(prefix);
			copies.deleteAll(prefix);
		}
		catch (IOException ex) {
			log.warn("cannot remove {} of cancelled job {}: {}", prefix, jobId, ex.getMessage());
		}
		catalog.lifecycle(pid, new DatasetLifecycle().archiveStatusMessage("datasetCreated").archivable(true)
			.archiveReturnMessage(Map.of("cancelled", "job " + jobId + " was cancelled")));
	}

	/**
	 * When the disk copy may be purged: from now on, now that the archive is verified, unless the lifecycle already
	 * names a later day. The connector only marks; it never deletes a source file.
	 */
	private static OffsetDateTime purgeable(DatasetLifecycle lifecycle) {
		var now = OffsetDateTime.now(ZoneOffset.UTC);
		var set = lifecycle == null ? null : lifecycle.getDateOfDiskPurging();
		return set != null && set.isAfter(now) ? set : now;
	}

	private static void join(CompletableFuture<?> future) {
		try {
			future.join();
		}
		catch (CompletionException ex) {
			throw ex.getCause() instanceof RuntimeException cause ? cause : ex;
		}
	}

	private Outcome missingFiles(String pid, List<String> problems) {
		log.info("dataset {} not archived: {} files missing or changed", pid, problems.size());
		var shown = problems.size() > 1000 ? problems.subList(0, 1000) : problems;
		var details = Map.<String, Object>of("missingFiles", shown, "missingFilesCount", problems.size());
		catalog.lifecycle(pid, new DatasetLifecycle().archiveStatusMessage("missingFilesError").archivable(true)
			.retrievable(false).archiveReturnMessage(details));
		return Outcome.failure(pid, "missingFilesError: " + problems.size() + " files missing or changed", details);
	}

	private CreateDatasetDatablock datablock(PackedBlock block) {
		return new CreateDatasetDatablock().archiveId(block.name()).size(BigDecimal.valueOf(block.size()))
			.packedSize(BigDecimal.valueOf(block.packedSize())).chkAlg(algorithm).version(VERSION)
			.dataFileList(block.files());
	}

	/**
	 * Registers the blocks the catalog does not hold yet (a resumed job may have registered some), up to
	 * {@value #REGISTERING} at a time: the catalog takes a while over a datablock of 20 000 files.
	 */
	private void register(String pid, String prefix, List<Manifest.Entry> entries) {
		Set<String> registered = catalog.datablocks(pid).stream().map(Datablock::getArchiveId)
			.filter(id -> id != null && id.startsWith(prefix)).collect(Collectors.toSet());
		var missing = entries.stream().filter(entry -> !registered.contains(entry.datablock().getArchiveId())).toList();
		if (missing.size() <= 1) {
			missing.forEach(entry -> catalog.register(pid, entry.datablock()));
			return;
		}
		var pool = Executors.newFixedThreadPool(Math.min(REGISTERING, missing.size()));
		try {
			var futures = missing.stream()
				.map(entry -> CompletableFuture.runAsync(() -> catalog.register(pid, entry.datablock()), pool))
				.toList();
			RuntimeException failure = null;
			for (var future : futures) {
				try {
					future.join();
				}
				catch (CompletionException ex) {
					if (failure == null) {
						failure = ex.getCause() instanceof RuntimeException cause ? cause : ex;
					}
				}
			}
			if (failure != null) {
				throw failure;
			}
		}
		finally {
			pool.shutdown();
		}
	}

}
