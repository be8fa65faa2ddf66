package io.catalog.launcher.job;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.catalog.launcher.LauncherProperties;
import io.catalog.launcher.backend.Backend;
import io.catalog.launcher.backend.LaunchException;
import io.catalog.launcher.backend.RunHandle;
import io.catalog.launcher.backend.RunSpec;
import io.catalog.launcher.tool.Resources;
import io.catalog.sdk.CatalogException;
import io.catalog.sdk.model.Job;

/**
 * Runs one {@code jupyter} job: a jupyter-server on the back-end that reaches its datasets (the one
 * {@code jobParams.backend} names, or the first; local or SLURM, where it listens on the node's addresses) over the
 * job's datasets (each a read-only folder linked into the session's fresh, writable home as {@code dataset-<n>}),
 * with a random token given in its environment (never on its command line). Once it answers {@code /api/status} with the token, the job's result holds
 * its address without the token and where its owner gets the token ({@link SessionController}). Every {@code cullEvery} the session is culled as jupyterhub-idle-culler does: idle (no activity) longer
 * than {@code idleTimeout}, or older than {@code maxAge}; the job then ends {@code finishedSuccessful} saying why,
 * without the URL. Cancelling the job stops the server; a server that does not start or dies ends the job
 * {@code finishedUnsuccessful} with its log.
 */
final class JupyterJob {

	static final String TYPE = "jupyter";

	private static final Logger log = LoggerFactory.getLogger(JupyterJob.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AnalysisJob.Setup setup;

	private final LauncherProperties.Jupyter settings;

	private final String jobId;

	private final Sessions sessions;

	JupyterJob(AnalysisJob.Setup setup, LauncherProperties.Jupyter settings, String jobId, Sessions sessions) {
		this.setup = setup;
		this.settings = settings;
		this.jobId = jobId;
		this.sessions = sessions;
	}

	void run(Job job) {
		var result = new LinkedHashMap<String, Object>();
		RunHandle handle = null;
		try {
			var pids = AnalysisRequest.pids(job);
			var datasets = pids.stream().map(pid -> setup.catalog().dataset(pid)).toList();
			var servers = setup.backends().stream().filter(backend -> !"kubernetes".equals(backend.name())).toList();
			Backend backend = Placement.choose(servers, backendOf(job), datasets);
			var dir = setup.workspace().create(jobId, 0);
			var home = dir.resolve("output");
			var folders = new ArrayList<Path>();
			for (int i = 0; i < datasets.size(); i++) {
				var folder = Placement.folder(datasets.get(i));
				folders.add(folder);
				Files.createSymbolicLink(home.resolve("dataset-" + i), folder);
			}
			var token = HexFormat.of().formatHex(bytes(24));
			int port = freePort();
			var bind = "local".equals(backend.name()) ? "127.0.0.1" : "0.0.0.0";
			var argv = new ArrayList<>(List.of(settings.command(), "--ip=" + bind, "--port=" + port,
					"--ServerApp.port_retries=0", "--no-browser", "--ServerApp.root_dir=" + home));
			if (!backend.sandboxed() && "root".equals(System.getProperty("user.name"))) {
				argv.add("--allow-root");
			}
			var spec = new RunSpec(Workspace.safe(jobId) + "-jupyter", argv, Map.of("JUPYTER_TOKEN", token), folders, home,
					dir.resolve("stdout.log"), dir.resolve("stderr.log"), new Resources(1, "1GB", 0, settings.maxAge()), true, null);
			handle = backend.launch(spec);
			var host = awaitHost(handle, spec);
			var server = new JupyterServer("http://" + host + ":" + port, token);
			var started = Instant.now();
			awaitReady(server, handle, spec);
			var address = "http://" + ("local".equals(backend.name()) ? settings.host() : host) + ":" + port + "/";
			// the session is the job's owner's; a job created for no one in particular is its creator's
			var owner = job.getOwnerUser() != null ? job.getOwnerUser() : job.getCreatedBy();
			sessions.put(jobId, new Sessions.Session(address + "?token=" + token, owner));
			result.put("url", address);
			result.put("session", SessionController.PATH.replace("{id}", jobId));
			result.put("backend", backend.name());
			result.put("datasets", pids);
			result.put("isolation", handle.isolation());
			setup.catalog().updateJob(jobId, "inProgress", "Jupyter session running", result);
			log.info("job {}: Jupyter session on port {} ({})", jobId, port, handle.isolation());
			var ended = watch(server, handle, started);
			handle.cancel();
			sessions.remove(jobId);
			result.remove("url");
			result.remove("session");
			result.put("endedBecause", ended.reason());
			end(ended.status(), ended.message(), result, spec);
		}
		catch (LauncherStopping stopping) {
			sessions.remove(jobId);
			if (handle != null) {
				handle.cancel();
			}
			throw stopping;
		}
		catch (JobRefusal refusal) {
			result.put("errors", refusal.errors());
			end("finishedUnsuccessful", "Job refused: " + refusal.getMessage(), result, null);
		}
		catch (IOException | LaunchException | IllegalStateException ex) {
			sessions.remove(jobId);
			if (handle != null) {
				handle.cancel();
			}
			result.remove("url");
			result.remove("session");
			end("finishedUnsuccessful", "Jupyter session failed: " + ex.getMessage(), result, null);
		}
	}

	/** How a session ended. */
	private record Ending(String status, String reason, String message) {
	}

	private Ending watch(JupyterServer server, RunHandle handle, Instant started) {
		while (true) {
			LauncherStopping.sleep(settings.cullEvery());
			if (!handle.isRunning()) {
				var code = handle.exitCode();
				return new Ending("finishedUnsuccessful", "exited", "Jupyter server exited with code "
						+ (code.isPresent() ? code.getAsInt() : "unknown") + ".");
			}
			if (cancelled()) {
				return new Ending("jobCancelled", "cancelled", "Jupyter session stopped: the job was cancelled.");
			}
			var age = Duration.between(started, Instant.now());
			if (age.compareTo(settings.maxAge()) >= 0) {
				return new Ending("finishedSuccessful", "maxAge", "Jupyter session culled at its maximum age of "
						+ settings.maxAge() + ".");
			}
			Optional<JupyterServer.Status> status = server.status();
			if (status.isPresent()) {
				var idle = Duration.between(status.get().lastActivity(), Instant.now());
				if (idle.compareTo(settings.idleTimeout()) >= 0) {
					return new Ending("finishedSuccessful", "idle", "Jupyter session culled: idle for "
							+ idle.toSeconds() + " s (limit " + settings.idleTimeout() + ").");
				}
			}
		}
	}

	private String awaitHost(RunHandle handle, RunSpec spec) {
		var deadline = Instant.now().plus(settings.startTimeout());
		while (true) {
			var host = handle.host();
			if (host.isPresent()) {
				return host.get();
			}
			if (!handle.isRunning()) {
				throw new IllegalStateException("jupyter-server ended before it ran: "
						+ Workspace.tail(spec.stderr(), 2000).strip());
			}
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("jupyter-server was not running within " + settings.startTimeout());
			}
			LauncherStopping.sleep(Duration.ofMillis(200));
		}
	}

	private static String backendOf(Job job) {
		return job.getJobParams() != null && job.getJobParams().get("backend") instanceof String name ? name : null;
	}

	private void awaitReady(JupyterServer server, RunHandle handle, RunSpec spec) {
		var deadline = Instant.now().plus(settings.startTimeout());
		while (server.status().isEmpty()) {
			if (!handle.isRunning()) {
				throw new IllegalStateException("jupyter-server exited before it answered: "
						+ Workspace.tail(spec.stderr(), 2000).strip());
			}
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("jupyter-server did not answer within " + settings.startTimeout());
			}
			LauncherStopping.sleep(Duration.ofMillis(100));
		}
	}

	private boolean cancelled() {
		try {
			return "jobCancelled".equals(setup.catalog().job(jobId).getStatusCode());
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private void end(String status, String message, Map<String, Object> result, RunSpec spec) {
		if (spec != null) {
			result.put("stderr", Workspace.tail(spec.stderr(), 4000));
		}
		if ("jobCancelled".equals(status)) {
			// a cancelled job is final in the catalog: it keeps the owner's message and the last progress report
			log.info("jupyter job {}: {}", jobId, message);
			return;
		}
		try {
			setup.catalog().updateJob(jobId, status, message, result);
			log.info("jupyter job {}: {}", jobId, message);
		}
		catch (CatalogException ex) {
			log.warn("cannot end job {} as {}: {}", jobId, status, ex.getMessage());
		}
	}


	private static byte[] bytes(int n) {
		var bytes = new byte[n];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}


}
