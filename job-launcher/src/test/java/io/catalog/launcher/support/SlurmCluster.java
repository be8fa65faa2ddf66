package io.catalog.launcher.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.catalog.testsupport.CatalogProcess;

/**
 * A real single-node SLURM for the tests (Debian's slurm-wlm and munge, ENVIRONMENT.md's recipe): munged, slurmctld
 * and slurmd started as child processes on random loopback ports with their state in a temporary folder, stopped by
 * their PIDs when the test JVM ends. Tests skip, saying why, when the binaries are missing or the JVM is not root
 * (slurmd must be).
 */
public final class SlurmCluster {

	private static final List<String> BINARIES = List.of("/usr/sbin/munged", "/usr/sbin/slurmctld", "/usr/sbin/slurmd",
			"/usr/bin/sbatch", "/usr/bin/squeue", "/usr/bin/scontrol", "/usr/bin/scancel");

	private static SlurmCluster started;

	private static String missing;

	private final Path conf;

	private SlurmCluster(Path conf) {
		this.conf = conf;
	}

	/** The running cluster, started on first use; skips the test when it cannot run here. */
	public static synchronized SlurmCluster get() {
		if (started == null && missing == null) {
			missing = BINARIES.stream().filter(binary -> !Files.isExecutable(Path.of(binary))).findFirst()
				.map(binary -> binary + " is missing: apt-get install slurm-wlm munge").orElse(null);
			if (missing == null && !"root".equals(System.getProperty("user.name"))) {
				missing = "slurmd must run as root, and the tests run as " + System.getProperty("user.name");
			}
			if (missing == null) {
				started = start();
			}
		}
		assumeTrue(started != null, "no SLURM here: " + missing);
		return started;
	}

	/** Its slurm.conf, for {@code SLURM_CONF}. */
	public Path conf() {
		return conf;
	}

	/** The environment the SLURM commands need. */
	public Map<String, String> environment() {
		return Map.of("SLURM_CONF", conf.toString(), "PATH", "/usr/bin:/bin:/usr/sbin");
	}

	private static SlurmCluster start() {
		try {
			var dir = Files.createTempDirectory("slurm-");
			for (var sub : List.of("spool", "state", "log")) {
				Files.createDirectories(dir.resolve(sub));
			}
			var host = InetAddress.getLocalHost().getHostName().split("\\.")[0];
			var socket = dir.resolve("munge.socket.2");
			var processes = new ArrayList<Process>();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> processes.forEach(Process::destroy)));
			processes.add(start(dir, "munged", List.of("/usr/sbin/munged", "-F", "--force", "--socket", socket.toString(),
					"--key-file", "/etc/munge/munge.key", "--log-file", dir.resolve("log/munged.log").toString(),
					"--pid-file", dir.resolve("munged.pid").toString(), "--seed-file", dir.resolve("munged.seed").toString()),
					Map.of()));
			await(() -> Files.exists(socket), "munged's socket", dir);
			var conf = Files.writeString(dir.resolve("slurm.conf"), config(dir, host, socket));
			var env = Map.of("SLURM_CONF", conf.toString());
			processes.add(start(dir, "slurmctld", List.of("/usr/sbin/slurmctld", "-D", "-f", conf.toString()), env));
			processes.add(start(dir, "slurmd", List.of("/usr/sbin/slurmd", "-D", "-f", conf.toString()), env));
			var cluster = new SlurmCluster(conf);
			await(() -> idle(conf), "the node to be idle", dir);
			return cluster;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start SLURM", ex);
		}
	}

	private static String config(Path dir, String host, Path socket) {
		return """
				ClusterName=launchertest
				SlurmctldHost=%1$s(127.0.0.1)
				SlurmctldPort=%2$d
				SlurmdPort=%3$d
				AuthType=auth/munge
				AuthInfo=socket=%4$s
				CredType=cred/munge
				ProctrackType=proctrack/linuxproc
				TaskPlugin=task/none
				SelectType=select/cons_tres
				SelectTypeParameters=CR_Core_Memory
				DefMemPerCPU=500
				JobCompType=jobcomp/filetxt
				JobCompLoc=%5$s/log/jobcomp.txt
				AccountingStorageType=accounting_storage/none
				JobAcctGatherType=jobacct_gather/none
				MpiDefault=none
				StateSaveLocation=%5$s/state
				SlurmdSpoolDir=%5$s/spool
				SlurmctldPidFile=%5$s/slurmctld.pid
				SlurmdPidFile=%5$s/slurmd.pid
				SlurmctldLogFile=%5$s/log/slurmctld.log
				SlurmdLogFile=%5$s/log/slurmd.log
				SlurmUser=root
				SlurmdUser=root
				ReturnToService=2
				NodeName=%1$s NodeAddr=127.0.0.1 CPUs=2 RealMemory=8000 State=UNKNOWN
				PartitionName=debug Nodes=%1$s Default=YES MaxTime=INFINITE State=UP
				""".formatted(host, CatalogProcess.freePort(), CatalogProcess.freePort(), socket, dir);
	}

	private static boolean idle(Path conf) {
		try {
			var sinfo = new ProcessBuilder("/usr/bin/sinfo", "--noheader", "--format", "%T").redirectErrorStream(true);
			sinfo.environment().put("SLURM_CONF", conf.toString());
			var process = sinfo.start();
			var said = new String(process.getInputStream().readAllBytes()).strip();
			return process.waitFor() == 0 && said.equals("idle");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static Process start(Path dir, String name, List<String> argv, Map<String, String> env) throws IOException {
		var builder = new ProcessBuilder(argv).redirectErrorStream(true)
			.redirectOutput(dir.resolve("log/" + name + ".out").toFile());
		builder.environment().putAll(env);
		return builder.start();
	}

	/** A condition to wait for. */
	private interface Check {

		boolean holds() throws IOException;

	}

	private static void await(Check check, String what, Path dir) throws IOException {
		var deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (!check.holds()) {
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("SLURM: no " + what + " within 60 s; see the logs in " + dir.resolve("log"));
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
