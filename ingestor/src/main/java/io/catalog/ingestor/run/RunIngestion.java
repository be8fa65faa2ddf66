package io.catalog.ingestor.run;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.catalog.sdk.ApiCall;
import io.catalog.sdk.CatalogClient;
import io.catalog.sdk.CatalogException;
import io.catalog.sdk.api.DatasetsApi;
import io.catalog.sdk.invoker.ApiClient;
import io.catalog.sdk.model.CreateDatasetOrigDatablock;
import io.catalog.sdk.model.CreateDatasetRequest;
import io.catalog.sdk.model.CreateDerivedDataset;
import io.catalog.sdk.model.CreateRawDataset;
import io.catalog.sdk.model.DataFile;
import io.catalog.sdk.model.Dataset;
import io.catalog.sdk.model.DatasetLifecycle;
import io.catalog.sdk.model.OrigDatablock;

/**
 * Catalogs one run, idempotently: the dataset is created under the pid derived from the run, with its first block
 * of at most {@code filesPerBlock} files in the same request (a 409 with the same content means an earlier delivery
 * created it); only files not yet in a block of the dataset are posted after, in blocks of that size. A run whose
 * files fit in one block is created archivable, in one request; a larger one is marked archivable after its last
 * block (or, when asked, created archivable). Safe to call from several threads.
 */
public final class RunIngestion {

	private static final Logger log = LoggerFactory.getLogger(RunIngestion.class);

	/** Fields that must agree for a 409 to mean "the same run, delivered again". */
	private static final List<String> SAME_RUN = List.of("type", "datasetName", "sourceFolder", "ownerGroup");

	private static final ObjectMapper JSON = ApiClient.createDefaultObjectMapper();

	private final CatalogClient catalog;

	private final DatasetsApi datasets;

	/**
	 * Ingestions of one pid never overlap: two deliveries of a run side by side would each find no files registered
	 * yet and both post them. Striped, so unrelated runs rarely wait for each other.
	 */
	private final Lock[] pidLocks = new Lock[64];

	private final FolderWalker walker;

	private final NexusReader nexus;

	private final int filesPerBlock;

	private final Runnable signIn;

	private final boolean archivableOnCreate;

	/**
	 * An ingestion through {@code catalog} ({@code null}: dry runs only, offline); {@code signIn} is run when the
	 * catalog answers 401, so a functional account signs in again (a no-op for a fixed token).
	 */
	public RunIngestion(CatalogClient catalog, Runnable signIn, FolderWalker walker, NexusReader nexus,
			int filesPerBlock) {
		this(catalog, signIn, walker, nexus, filesPerBlock, false);
	}

	/**
	 * As above; with {@code archivableOnCreate} a new dataset is created archivable, which saves the lifecycle call
	 * (a third of a run's catalog writes) but lets an archive job see the dataset before its files are registered.
	 */
	public RunIngestion(CatalogClient catalog, Runnable signIn, FolderWalker walker, NexusReader nexus,
			int filesPerBlock, boolean archivableOnCreate) {
		this.catalog = catalog;
		this.archivableOnCreate = archivableOnCreate;
		this.datasets = catalog == null ? null : catalog.datasets();
		this.signIn = signIn;
		this.walker = walker;
		this.nexus = nexus;
		this.filesPerBlock = filesPerBlock > 0 ? filesPerBlock : 20_000;
		Arrays.setAll(pidLocks, i -> new ReentrantLock());
	}

	/** Catalogs the run, or with {@code dryRun} only checks it (and asks the catalog whether it would accept it). */
	public Outcome ingest(Run run, boolean dryRun, Progress progress) {
		if (run.nexusFile() != null) {
			addScientificMetadata(run.dataset(), nexus.read(run.nexusFile()));
		}
		var files = walker.walk(run.sourceFolder(), progress::walked);
		long bytes = files.stream().mapToLong(file -> file.getSize().longValue()).sum();
		var first = files.subList(0, Math.min(files.size(), filesPerBlock));
		boolean whole = first.size() == files.size();
		var request = request(run.dataset(), first, archivableOnCreate || whole);
		if (dryRun) {
			if (catalog != null) {
				var validity = call(() -> datasets.isValidDataset(request));
				if (!Boolean.TRUE.equals(validity.getValid())) {
					throw new InvalidRunException("the catalog would refuse the dataset: " + validity.getReason());
				}
			}
			return new Outcome(run.pid(), false, files.size(), bytes, 0, true);
		}
		var lock = pidLocks[Math.floorMod(run.pid().hashCode(), pidLocks.length)];
		lock.lock();
		try {
			boolean created = create(run, request);
			var missing = created ? files.subList(first.size(), files.size()) : notYetRegistered(run.pid(), files);
			int posted = (created && !first.isEmpty() ? 1 : 0) + postBlocks(run.pid(), missing, files.size(), progress);
			if (!(created && (archivableOnCreate || whole))) {
				call(() -> datasets.updateDatasetLifecycle(run.pid(), new DatasetLifecycle().archivable(true)));
			}
			log.info("Catalogued run {} as {}: {} files, {} new blocks", run.runId(), run.pid(), files.size(), posted);
			return new Outcome(run.pid(), created, files.size(), bytes, posted, false);
		}
		finally {
			lock.unlock();
		}
	}

	private static void addScientificMetadata(ObjectNode dataset, Map<String, Object> metadata) {
		var scientific = dataset.get("scientificMetadata") instanceof ObjectNode given ? given
				: dataset.putObject("scientificMetadata");
		metadata.forEach((key, value) -> scientific.set(key, JSON.valueToTree(value)));
	}

	/** The dataset's create request, carrying its first block of files (with every file: the run whole). */
	private CreateDatasetRequest request(ObjectNode dataset, List<DataFile> firstBlock, boolean archivable) {
		var body = dataset.deepCopy();
		var lifecycle = body.get("datasetlifecycle") instanceof ObjectNode given ? given : body.putObject("datasetlifecycle");
		lifecycle.put("archivable", archivable);
		if (!firstBlock.isEmpty()) {
			body.putArray("origdatablocks").add(JSON.valueToTree(block(firstBlock)));
		}
		try {
			return "derived".equals(body.path("type").asText())
					? new CreateDatasetRequest(JSON.treeToValue(body, CreateDerivedDataset.class))
					: new CreateDatasetRequest(JSON.treeToValue(body, CreateRawDataset.class));
		}
		catch (Exception ex) {
			throw new InvalidRunException("dataset fields: " + ex.getMessage(), ex);
		}
	}

	private boolean create(Run run, CreateDatasetRequest request) {
		try {
			catalog.await(() -> datasets.createDataset(request));
			return true;
		}
		catch (CatalogException ex) {
			if (ex.status() != 409) {
				throw translate(ex);
			}
		}
		Dataset existing = call(() -> datasets.getDataset(run.pid()));
		var stored = JSON.convertValue(existing, ObjectNode.class);
		for (String field : SAME_RUN) {
			if (!Objects.equals(stored.path(field).asText(), run.dataset().path(field).asText())) {
				throw new InvalidRunException("pid " + run.pid() + " already holds another run: its " + field + " is "
						+ stored.path(field).asText() + ", this run's is " + run.dataset().path(field).asText());
			}
		}
		return false;
	}

	private List<DataFile> notYetRegistered(String pid, List<DataFile> files) {
		List<OrigDatablock> blocks = call(() -> datasets.listDatasetOrigDatablocks(pid));
		Set<String> registered = new HashSet<>();
		for (var block : blocks) {
			block.getDataFileList().forEach(file -> registered.add(file.getPath()));
		}
		return files.stream().filter(file -> !registered.contains(file.getPath())).collect(Collectors.toList());
	}

	private int postBlocks(String pid, List<DataFile> files, int total, Progress progress) {
		int already = total - files.size();
		progress.uploaded(already, total);
		int posted = 0;
		for (int from = 0; from < files.size(); from += filesPerBlock) {
			var chunk = files.subList(from, Math.min(files.size(), from + filesPerBlock));
			var block = block(chunk);
			call(() -> datasets.createDatasetOrigDatablock(pid, block));
			posted++;
			progress.uploaded(already + from + chunk.size(), total);
		}
		return posted;
	}

	private CreateDatasetOrigDatablock block(List<DataFile> files) {
		long size = files.stream().mapToLong(file -> file.getSize().longValue()).sum();
		return new CreateDatasetOrigDatablock().dataFileList(new ArrayList<>(files)).size(BigDecimal.valueOf(size))
			.chkAlg(walker.algorithm());
	}

	private <T> T call(ApiCall<T> call) {
		try {
			return catalog.await(call);
		}
		catch (CatalogException ex) {
			throw translate(ex);
		}
	}

	/** A refusal is final (dead letter, with the catalog's reason); no answer, 5xx, 401 and 429 are retried. */
	private RuntimeException translate(CatalogException ex) {
		int status = ex.status();
		if (status == 401) {
			signIn.run();
		}
		if (status == 0 || status >= 500 || status == 401 || status == 408 || status == 429) {
			return new CatalogUnavailableException("catalog unavailable (" + ex.getMessage() + ")", ex);
		}
		return new InvalidRunException("the catalog refused the run: " + reason(ex), ex);
	}

	/** The catalog's detail, which names each field and why; without one, its title and field errors. */
	private static String reason(CatalogException ex) {
		var problem = ex.problem();
		if (problem == null) {
			return ex.getMessage();
		}
		var reason = new StringBuilder().append(ex.status()).append(' ');
		if (problem.getDetail() != null) {
			return reason.append(problem.getDetail()).toString();
		}
		reason.append(Objects.toString(problem.getTitle(), ""));
		if (problem.getErrors() != null) {
			problem.getErrors().forEach(error -> reason.append("; ").append(error.getField()).append(": ").append(error.getReason()));
		}
		return reason.toString();
	}

}
