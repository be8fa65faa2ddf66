package io.catalog.launcher.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A SLURM batch job of one run. It ended when its script wrote the exit code, or when SLURM no longer shows it waiting
 * or running ({@code squeue}, asked at most once a second), or when it waits for a reason that never passes (it is
 * then cancelled, and {@link #failure()} says why); its exit code is the script's, else what
 * {@code scontrol} says (a signal as 128 + its number).
 */
final class SlurmRun implements RunHandle {

	private static final Set<String> ACTIVE = Set.of("PENDING", "CONFIGURING", "RUNNING", "COMPLETING", "SUSPENDED",
			"REQUEUED", "RESIZING", "SIGNALING", "STAGE_OUT");

	/** Why a job may wait: these never pass by themselves, so such a job is cancelled rather than left pending. */
	private static final Set<String> NEVER = Set.of("PartitionConfig", "PartitionNodeLimit", "PartitionTimeLimit",
			"BadConstraints", "InvalidAccount", "InvalidQOS");

	private static final Pattern EXIT = Pattern.compile("ExitCode=(\\d+):(\\d+)");

	private static final Pattern NODE_ADDR = Pattern.compile("NodeAddr=(\\S+)");

	private static final Duration ASK_EVERY = Duration.ofSeconds(1);

	private final String id;

	private final Path exitFile;

	private final Map<String, String> environment;

	private final String isolation;

	private Instant asked = Instant.EPOCH;

	private boolean active = true;

	private String failure;

	SlurmRun(String id, Path exitFile, Map<String, String> environment, String isolation) {
		this.id = id;
		this.exitFile = exitFile;
		this.environment = environment;
		this.isolation = isolation;
	}

	@Override
	public String id() {
		return id;
	}

	@Override
	public synchronized boolean isRunning() {
		if (!active || Files.exists(exitFile)) {
			return active = false;
		}
		if (Duration.between(asked, Instant.now()).compareTo(ASK_EVERY) >= 0) {
			asked = Instant.now();
			var answer = Commands.run(List.of("squeue", "--noheader", "--jobs", id, "--format", "%T %r"), environment,
					SlurmBackend.COMMAND_TIMEOUT);
			var said = answer.stdout().strip().split(" ", 2);
			active = answer.ok() && ACTIVE.contains(said[0]);
			if (active && "PENDING".equals(said[0]) && said.length > 1 && NEVER.contains(said[1])) {
				failure = "SLURM will never start it (pending: " + said[1] + ")";
				cancel();
				active = false;
			}
		}
		return active;
	}

	@Override
	public synchronized Optional<String> failure() {
		return Optional.ofNullable(failure);
	}

	@Override
	public OptionalInt exitCode() {
		if (isRunning()) {
			return OptionalInt.empty();
		}
		try {
			if (Files.exists(exitFile)) {
				return OptionalInt.of(Integer.parseInt(Files.readString(exitFile).strip()));
			}
		}
		catch (IOException | NumberFormatException ex) {
			// fall back on what SLURM recorded
		}
		var answer = Commands.run(List.of("scontrol", "show", "job", id, "--oneliner"), environment,
				SlurmBackend.COMMAND_TIMEOUT);
		var found = EXIT.matcher(answer.stdout());
		if (!found.find()) {
			return OptionalInt.empty();
		}
		int signal = Integer.parseInt(found.group(2));
		return OptionalInt.of(signal > 0 ? 128 + signal : Integer.parseInt(found.group(1)));
	}

	/** The address of the job's node ({@code NodeAddr}), once SLURM placed it. */
	@Override
	public Optional<String> host() {
		var node = Commands.run(List.of("squeue", "--noheader", "--jobs", id, "--format", "%T %N"), environment,
				SlurmBackend.COMMAND_TIMEOUT).stdout().strip().split(" ");
		if (node.length < 2 || !"RUNNING".equals(node[0]) || node[1].isBlank()) {
			return Optional.empty();
		}
		var shown = Commands.run(List.of("scontrol", "show", "node", node[1], "--oneliner"), environment,
				SlurmBackend.COMMAND_TIMEOUT).stdout();
		var address = NODE_ADDR.matcher(shown);
		return Optional.of(address.find() ? address.group(1) : node[1]);
	}

	@Override
	public void cancel() {
		Commands.run(List.of("scancel", id), environment, SlurmBackend.COMMAND_TIMEOUT);
	}

	@Override
	public String isolation() {
		return isolation;
	}

}
