package io.catalog.launcher.job;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.catalog.launcher.backend.Backend;
import io.catalog.launcher.backend.RunSpec;
import io.catalog.launcher.catalog.Catalog;
import io.catalog.launcher.provenance.Derivation;
import io.catalog.launcher.provenance.DerivedDatasets;
import io.catalog.launcher.tool.InvalidParametersException;
import io.catalog.launcher.tool.Invocation;
import io.catalog.launcher.tool.ParameterCheck;
import io.catalog.launcher.tool.ToolCatalog;
import io.catalog.launcher.tool.ToolSpec;
import io.catalog.sdk.CatalogException;
import io.catalog.sdk.model.Dataset;
import io.catalog.sdk.model.Job;

/**
 * Runs one claimed analysis job to its end: reads and checks it (tool, parameters, datasets), places it on a
 * back-end that reaches its data, runs the tool once (or once per dataset when mapped) while watching for
 * cancellation, catalogues each successful run's outputs, and ends the job {@code finishedSuccessful},
 * {@code finishedWithDatasetErrors} (a mapped job with some runs failed), {@code finishedUnsuccessful} (with the
 * reason: a refused parameter or field, unreachable data, a run that failed or could not start) or leaves it
 * {@code jobCancelled}. Its result holds the tool, the values, and per run the state, exit code and log tails.
 */
final class AnalysisJob {

	private static final Logger log = LoggerFactory.getLogger(AnalysisJob.class);

	/** What the job runner gives each job. */
	record Setup(Catalog catalog, ToolCatalog tools, List<Backend> backends, Workspace workspace,
			DerivedDatasets derived, RunSupervisor supervisor, Duration progressInterval) {
	}

	private final Setup setup;

	private final String jobId;

	private final Map<String, Object> result = new LinkedHashMap<>();

	private final List<RunResult> runs = new ArrayList<>();

	private Instant reported = Instant.EPOCH;

	private Map<String, String> reportedTails = Map.of();

	AnalysisJob(Setup setup, String jobId) {
		this.setup = setup;
		this.jobId = jobId;
	}

	void run(Job job) {
		try {
			var request = AnalysisRequest.of(job);
			var tool = setup.tools().find(request.tool()).orElseThrow(() -> JobRefusal.field("jobParams.tool",
					"names no tool of the launcher: " + request.tool() + " (it has "
							+ setup.tools().all().stream().map(ToolSpec::name).toList() + ")"));
			result.put("tool", tool.name());
			result.put("toolVersion", tool.version());
			var values = values(tool, request);
			result.put("parameters", values);
			var datasets = request.datasets().stream().map(this::dataset).toList();
			var backend = Placement.choose(setup.backends(), request.backend(), datasets);
			result.put("backend", backend.name());
			var folders = new LinkedHashMap<String, Path>();
			datasets.forEach(dataset -> folders.put(dataset.getPid(), Placement.folder(dataset)));
			var targets = request.map() ? datasets : datasets.subList(0, 1);
			for (int index = 0; index < targets.size() && !isCancelled(); index++) {
				runs.add(runOne(index, tool, values, request, targets.get(index), folders, backend));
			}
			finish(tool);
		}
		catch (JobRefusal refusal) {
			result.put("errors", refusal.errors());
			end("finishedUnsuccessful", "Job refused: " + refusal.getMessage());
		}
	}

	private Map<String, Object> values(ToolSpec tool, AnalysisRequest request) {
		try {
			return ParameterCheck.resolve(tool, request.parameters(), request.datasets());
		}
		catch (InvalidParametersException ex) {
			throw new JobRefusal(ex.getMessage(), ex.violations().stream()
				.map(violation -> Map.of("parameter", violation.parameter(), "reason", violation.reason())).toList());
		}
	}

	private Dataset dataset(String pid) {
		try {
			return setup.catalog().dataset(pid);
		}
		catch (CatalogException ex) {
			if (ex.status() / 100 == 4) {
				throw JobRefusal.field("jobParams.datasetList", "dataset " + pid + " cannot be read by the launcher ("
						+ ex.status() + ")");
			}
			throw ex;
		}
	}

	private RunResult runOne(int index, ToolSpec tool, Map<String, Object> values, AnalysisRequest request,
			Dataset dataset, Map<String, Path> folders, Backend backend) {
		Path dir;
		try {
			dir = setup.workspace().create(jobId, index);
		}
		catch (IOException ex) {
			return new RunResult(index, dataset.getPid(), "failed", null, null, null, "no output folder: " + ex.getMessage(),
					"", "", null, 0);
		}
		var output = dir.resolve("output");
		var input = folders.get(dataset.getPid());
		var invocation = Invocation.of(tool, values, dataset.getPid(), input, folders, output);
		var spec = new RunSpec(Workspace.safe(jobId) + "-" + index, invocation.argv(), invocation.environment(),
				List.copyOf(folders.values()), output, dir.resolve("stdout.log"), dir.resolve("stderr.log"),
				tool.resources(), tool.network(), tool.image());
		var ran = setup.supervisor().run(backend, spec, index, dataset.getPid(), this::isCancelled, this::progress);
		log.info("job {} run {} over {}: {} ({})", jobId, index, dataset.getPid(), ran.state(), ran.message());
		if (!ran.succeeded()) {
			return ran;
		}
		try {
			var derived = setup.derived().create(new Derivation(jobId, tool, values, List.of(dataset.getPid()),
					request.ownerGroup(), request.accessGroups(), request.ownerUser(), request.contactEmail(),
					backend.name() + " (" + ran.isolation() + ")", ran.exitCode(), logData(ran), output), dataset);
			return ran.withDerived(derived.getPid());
		}
		catch (RuntimeException ex) {
			log.warn("job {} run {}: outputs not catalogued: {}", jobId, index, ex.getMessage());
			return ran.failed("succeeded, but its outputs could not be catalogued: " + ex.getMessage());
		}
	}

	private static String logData(RunResult ran) {
		return "stdout:\n" + ran.stdout() + (ran.stderr().isEmpty() ? "" : "\nstderr:\n" + ran.stderr());
	}

	private boolean isCancelled() {
		try {
			return "jobCancelled".equals(setup.catalog().job(jobId).getStatusCode());
		}
		catch (RuntimeException ex) {
			log.debug("job {}: cannot look for a cancellation now: {}", jobId, ex.getMessage());
			return false;
		}
	}

	private void progress(RunResult running) {
		var tails = Map.of("stdout", running.stdout(), "stderr", running.stderr());
		if (Duration.between(reported, Instant.now()).compareTo(setup.progressInterval()) < 0 || tails.equals(reportedTails)) {
			return;
		}
		reported = Instant.now();
		reportedTails = tails;
		var current = new ArrayList<>(runs);
		current.add(running);
		try {
			setup.catalog().updateJob(jobId, "inProgress", "run " + (running.index() + 1) + " " + running.message(),
					resultWith(current));
		}
		catch (RuntimeException ex) {
			log.debug("job {}: progress not reported: {}", jobId, ex.getMessage());
		}
	}

	private Map<String, Object> resultWith(List<RunResult> shown) {
		var json = new LinkedHashMap<>(result);
		json.put("runs", shown.stream().map(RunResult::toJson).toList());
		json.put("derivedDatasets", shown.stream().map(RunResult::derivedDataset).filter(pid -> pid != null).toList());
		return json;
	}

	private void finish(ToolSpec tool) {
		long ok = runs.stream().filter(RunResult::succeeded).count();
		if (runs.stream().anyMatch(run -> "cancelled".equals(run.state())) || isCancelled()) {
			end("jobCancelled", "Job cancelled: " + ok + " of " + runs.size() + " runs of " + tool.name() + " had succeeded.");
			return;
		}
		var counts = ok + " of " + runs.size() + " runs of " + tool.name() + "@" + tool.version() + " succeeded";
		if (ok == runs.size()) {
			end("finishedSuccessful", "Job finished successfully: " + counts + ".");
		}
		else if (ok > 0) {
			end("finishedWithDatasetErrors", "Job finished with dataset errors: " + counts + ".");
		}
		else {
			var first = runs.stream().filter(run -> !run.succeeded()).findFirst().orElseThrow();
			end("finishedUnsuccessful", "Job finished unsuccessfully: " + counts + " (run " + (first.index() + 1)
					+ " over " + first.dataset() + " " + first.message() + ").");
		}
	}

	private void end(String status, String message) {
		if ("jobCancelled".equals(status)) {
			// a cancelled job is final in the catalog: it keeps the owner's message and the last progress report
			log.info("analysis job {}: {}", jobId, message);
			return;
		}
		try {
			setup.catalog().updateJob(jobId, status, message, resultWith(runs));
			log.info("analysis job {}: {}", jobId, message);
		}
		catch (CatalogException ex) {
			log.warn("cannot end job {} as {}: {}", jobId, status, ex.getMessage());
		}
	}

}
