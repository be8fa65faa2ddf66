package io.catalog.launcher.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each run as a SLURM batch job: {@code sbatch} a script in the run's folder with the tool's resources
 * ({@code --cpus-per-task}, {@code --mem}, {@code --time}, {@code --gres=gpu:N}), its own environment only
 * ({@code --export=NONE}: the script sets what the tool is given), its output streams into the run's logs. The
 * script writes the tool's exit code beside them; {@code squeue} and {@code scontrol} tell whether the job still
 * waits or runs, {@code scancel} stops it. The tool runs in bubblewrap's sandbox when {@code isolation} asks for it
 * (the nodes must have bwrap where this machine has it). It reaches the datasets whose folders the cluster's
 * shared file systems hold: {@code sourceFolderHost} among {@code hosts} (or none) and the folder under one of
 * {@code roots}.
 */
public final class SlurmBackend implements Backend {

	private static final Logger log = LoggerFactory.getLogger(SlurmBackend.class);

	static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

	private final String partition;

	private final List<String> hosts;

	private final List<Path> roots;

	private final Optional<Sandbox> sandbox;

	private final Map<String, String> environment;

	/**
	 * @param partition the partition jobs go to; empty: the cluster's default
	 * @param hosts the {@code sourceFolderHost} values whose folders the cluster sees
	 * @param roots folders under which the cluster sees datasets; empty: anywhere
	 * @param isolation {@code bwrap} (each run in bubblewrap's sandbox) or {@code none}
	 * @param slurmConf the {@code slurm.conf} the commands read; empty: SLURM's default
	 */
	public SlurmBackend(String partition, List<String> hosts, List<Path> roots, String isolation, String slurmConf) {
		this.partition = partition == null ? "" : partition;
		this.hosts = List.copyOf(hosts);
		this.roots = roots.stream().map(root -> root.toAbsolutePath().normalize()).toList();
		this.sandbox = switch (isolation) {
			case "none" -> Optional.empty();
			case "bwrap", "auto" -> Sandbox.find();
			default -> throw new IllegalArgumentException("LAUNCHER_SLURM_ISOLATION must be auto, bwrap or none, not "
					+ isolation);
		};
		var env = new HashMap<String, String>();
		env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
		if (slurmConf != null && !slurmConf.isBlank()) {
			env.put("SLURM_CONF", slurmConf);
		}
		this.environment = Map.copyOf(env);
		log.info("SLURM back-end: partition {}, runs {}", this.partition.isEmpty() ? "(default)" : this.partition,
				sandbox.isPresent() ? "in bubblewrap's sandbox" : "as plain batch jobs");
	}

	@Override
	public String name() {
		return "slurm";
	}

	@Override
	public boolean sandboxed() {
		return sandbox.isPresent();
	}

	@Override
	public Optional<String> unreachable(String sourceFolderHost, Path sourceFolder) {
		if (sourceFolderHost != null && !sourceFolderHost.isBlank() && !hosts.contains(sourceFolderHost)) {
			return Optional.of("slurm reaches the hosts " + hosts + ", not " + sourceFolderHost);
		}
		var folder = sourceFolder.toAbsolutePath().normalize();
		if (!roots.isEmpty() && roots.stream().noneMatch(folder::startsWith)) {
			return Optional.of("slurm reads datasets under " + roots + " only, not " + folder);
		}
		return Optional.empty();
	}

	@Override
	public RunHandle launch(RunSpec run) {
		var dir = run.stdout().getParent();
		var exitFile = dir.resolve("exitcode");
		Path script;
		try {
			script = Files.writeString(dir.resolve("run.sh"), BatchScript.of(run,
					sandbox.map(found -> found.wrap(run)).orElse(run.argv()), exitFile));
			Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
		}
		catch (IOException ex) {
			throw new LaunchException("cannot write the batch script: " + ex.getMessage(), ex);
		}
		var argv = new ArrayList<>(List.of("sbatch", "--parsable", "--job-name", run.name(), "--output",
				run.stdout().toString(), "--error", run.stderr().toString(), "--chdir", run.output().toString(),
				"--export=NONE", "--cpus-per-task", String.valueOf(run.resources().cpu()), "--mem",
				Math.max(1, run.resources().memoryBytes() / (1024 * 1024)) + "M", "--time",
				String.valueOf(Math.max(1, (run.timeout().toSeconds() + 59) / 60))));
		if (run.resources().gpu() > 0) {
			argv.add("--gres=gpu:" + run.resources().gpu());
		}
		if (!partition.isEmpty()) {
			argv.addAll(List.of("--partition", partition));
		}
		argv.add(script.toString());
		var answer = Commands.run(argv, environment, COMMAND_TIMEOUT);
		if (!answer.ok()) {
			throw new LaunchException("sbatch refused the job: " + answer.stderr().strip(), null);
		}
		var id = answer.stdout().strip().split(";")[0];
		var isolation = "SLURM job " + id + (sandbox.isPresent() ? " in a bubblewrap sandbox: datasets read-only, network "
				+ (run.network() ? "shared" : "off") : ": no sandbox");
		log.info("run {} submitted as {}", run.name(), isolation);
		return new SlurmRun(id, exitFile, environment, isolation);
	}

}
