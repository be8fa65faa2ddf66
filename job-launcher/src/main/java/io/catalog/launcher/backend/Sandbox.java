package io.catalog.launcher.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Isolates a local run with bubblewrap ({@code bwrap}): new namespaces of every kind (no network unless the tool
 * asks), the system's {@code /usr} and {@code /etc} read-only, a private {@code /tmp}, {@code /proc} and
 * {@code /dev}, the dataset folders read-only at their own paths and only the output folder writable; the run is
 * user 1000 in its own user namespace, never root. Found on the
 * {@code PATH} and tried once at start: bubblewrap installed where user namespaces are refused counts as absent.
 */
public final class Sandbox {

	private static final Logger log = LoggerFactory.getLogger(Sandbox.class);

	private final Path bwrap;

	private Sandbox(Path bwrap) {
		this.bwrap = bwrap;
	}

	/** A working bubblewrap, or empty with the reason logged. */
	public static Optional<Sandbox> find() {
		var path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
		for (var dir : path.split(":")) {
			var candidate = Path.of(dir.isEmpty() ? "." : dir, "bwrap");
			if (Files.isExecutable(candidate)) {
				var sandbox = new Sandbox(candidate);
				var failure = sandbox.tryOut();
				if (failure.isEmpty()) {
					return Optional.of(sandbox);
				}
				log.warn("bubblewrap at {} does not run here: {}", candidate, failure.get());
				return Optional.empty();
			}
		}
		return Optional.empty();
	}

	/** The bwrap binary. */
	public Path binary() {
		return bwrap;
	}

	/** The command line that runs {@code argv} inside the sandbox. */
	public List<String> wrap(RunSpec run) {
		var args = new ArrayList<String>(List.of(bwrap.toString(), "--ro-bind", "/usr", "/usr"));
		for (var top : List.of("bin", "lib", "lib32", "lib64", "sbin")) {
			var path = Path.of("/", top);
			if (Files.isSymbolicLink(path)) {
				args.addAll(List.of("--symlink", readLink(path), path.toString()));
			}
			else if (Files.isDirectory(path)) {
				args.addAll(List.of("--ro-bind", path.toString(), path.toString()));
			}
		}
		args.addAll(List.of("--ro-bind", "/etc", "/etc", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
		for (var folder : run.readOnly()) {
			args.addAll(List.of("--ro-bind", folder.toString(), folder.toString()));
		}
		args.addAll(List.of("--bind", run.output().toString(), run.output().toString(), "--chdir",
				run.output().toString(), "--setenv", "HOME", run.output().toString(), "--unshare-all", "--uid", "1000",
				"--gid", "1000"));
		if (run.network()) {
			args.add("--share-net");
		}
		args.addAll(List.of("--die-with-parent", "--new-session", "--"));
		args.addAll(run.argv());
		return args;
	}

	private static String readLink(Path link) {
		try {
			return Files.readSymbolicLink(link).toString();
		}
		catch (IOException ex) {
			throw new LaunchException("cannot read the link " + link, ex);
		}
	}

	private Optional<String> tryOut() {
		try {
			var process = new ProcessBuilder(bwrap.toString(), "--ro-bind", "/", "/", "--unshare-all", "--die-with-parent",
					"--", "/bin/true").redirectErrorStream(true).start();
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return Optional.of("no answer within 10 s");
			}
			var said = new String(process.getInputStream().readAllBytes()).strip();
			return process.exitValue() == 0 ? Optional.empty()
					: Optional.of("exit " + process.exitValue() + (said.isEmpty() ? "" : ": " + said));
		}
		catch (IOException ex) {
			return Optional.of(ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.of("interrupted");
		}
	}

}
