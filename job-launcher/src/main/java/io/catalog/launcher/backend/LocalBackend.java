package io.catalog.launcher.backend;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default back-end: a process per run on this machine, in bubblewrap's sandbox where it works
 * ({@link Sandbox}), a plain process otherwise (isolation {@code none}, or {@code auto} without bubblewrap). It
 * reaches a dataset whose {@code sourceFolderHost} is empty, this machine's name or one of {@code hosts}, whose
 * folder lies under one of {@code roots} (when any are set) and exists here. A run's environment holds only
 * {@code PATH}, {@code LANG}, {@code HOME} and what the tool is given: none of the launcher's settings (its
 * catalog password among them) leak into it.
 */
public final class LocalBackend implements Backend {

	private static final Logger log = LoggerFactory.getLogger(LocalBackend.class);

	private final Optional<Sandbox> sandbox;

	private final List<String> hosts;

	private final List<Path> roots;

	/**
	 * @param isolation {@code auto}, {@code bwrap} or {@code none}
	 * @param hosts the {@code sourceFolderHost} values whose folders this machine sees
	 * @param roots folders under which datasets may be read; empty: anywhere
	 */
	public LocalBackend(String isolation, List<String> hosts, List<Path> roots) {
		this.sandbox = switch (isolation) {
			case "none" -> Optional.empty();
			case "auto" -> Sandbox.find();
			case "bwrap" -> Optional.of(Sandbox.find().orElseThrow(() -> new IllegalStateException(
					"LAUNCHER_LOCAL_ISOLATION=bwrap but bubblewrap is not installed or does not run here")));
			default -> throw new IllegalArgumentException("LAUNCHER_LOCAL_ISOLATION must be auto, bwrap or none, not "
					+ isolation);
		};
		this.hosts = List.copyOf(hosts);
		this.roots = roots.stream().map(root -> root.toAbsolutePath().normalize()).toList();
		log.info("local back-end: {}", describe());
	}

	@Override
	public String name() {
		return "local";
	}

	/** How runs are isolated, in words. */
	public String describe() {
		return sandbox.map(found -> "bubblewrap sandbox (" + found.binary() + ")")
			.orElse("plain processes (bubblewrap not installed or not in use): no isolation");
	}

	/** Whether runs go into bubblewrap's sandbox. */
	@Override
	public boolean sandboxed() {
		return isolated();
	}

	/** Whether runs go into bubblewrap's sandbox. */
	public boolean isolated() {
		return sandbox.isPresent();
	}

	@Override
	public Optional<String> unreachable(String sourceFolderHost, Path sourceFolder) {
		if (sourceFolderHost != null && !sourceFolderHost.isBlank() && !hosts.contains(sourceFolderHost)
				&& !sourceFolderHost.equals(hostName())) {
			return Optional.of("local reaches the hosts " + hosts + " and " + hostName() + ", not " + sourceFolderHost);
		}
		var folder = sourceFolder.toAbsolutePath().normalize();
		if (!roots.isEmpty() && roots.stream().noneMatch(folder::startsWith)) {
			return Optional.of("local reads datasets under " + roots + " only, not " + folder);
		}
		if (!Files.isDirectory(folder)) {
			return Optional.of("local finds no folder " + folder);
		}
		return Optional.empty();
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

	@Override
	public RunHandle launch(RunSpec run) {
		var command = sandbox.map(found -> found.wrap(run)).orElse(run.argv());
		var builder = new ProcessBuilder(command).directory(run.output().toFile())
			.redirectOutput(run.stdout().toFile()).redirectError(run.stderr().toFile());
		var environment = builder.environment();
		var kept = new HashMap<String, String>();
		kept.put("PATH", "/usr/local/bin:/usr/bin:/bin");
		kept.put("LANG", "C.UTF-8");
		kept.put("HOME", run.output().toString());
		environment.clear();
		environment.putAll(kept);
		environment.putAll(run.environment());
		try {
			Files.createDirectories(run.output());
			var process = builder.start();
			var isolation = sandbox.isPresent()
					? "bubblewrap sandbox: datasets read-only, network " + (run.network() ? "shared" : "off")
					: "plain process: no isolation (bubblewrap not in use)";
			log.info("run {} started as process {} ({})", run.name(), process.pid(), isolation);
			return new ProcessRun(process, isolation);
		}
		catch (IOException ex) {
			throw new LaunchException("cannot start " + run.argv().get(0) + ": " + ex.getMessage(), ex);
		}
	}

	/** A local process and what it started. */
	private record ProcessRun(Process process, String isolation) implements RunHandle {

		@Override
		public String id() {
			return String.valueOf(process.pid());
		}

		@Override
		public boolean isRunning() {
			return process.isAlive();
		}

		@Override
		public OptionalInt exitCode() {
			return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
		}

		@Override
		public void cancel() {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		}

	}

}
