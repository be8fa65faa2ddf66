package io.catalog.launcher;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The launcher's configuration, mapped from its environment variables in {@code application.yml}.
 *
 * @param launcherId this replica's name, written into the jobs it claims; must stay the same across restarts
 *        ({@code LAUNCHER_ID}, default: the host name)
 * @param tools folders of tool files ({@code LAUNCHER_TOOLS}, comma-separated)
 * @param workDir where each run gets its output folder and its logs ({@code LAUNCHER_WORK_DIR})
 * @param catalog how to reach and sign in to the catalog
 * @param kafka where the jobs come from
 * @param local the local back-end
 * @param slurm the SLURM back-end
 * @param kubernetes the Kubernetes back-end
 * @param jupyter Jupyter sessions
 * @param concurrency jobs run at the same time by this replica
 * @param pollInterval how often a running job is checked for cancellation and its run for an end
 * @param progressInterval least time between two reports of a running job's log tails to the catalog (each report is
 *        an entry of the job's status history)
 * @param logTail how much of the end of stdout and stderr goes into the job's result and the derived dataset's
 *        {@code jobLogData}
 * @param retry how the catalog is retried while it does not answer
 */
@ConfigurationProperties("launcher")
public record LauncherProperties(String launcherId, List<String> tools, String workDir, Catalog catalog, Kafka kafka,
		Local local, Slurm slurm, Kubernetes kubernetes, Jupyter jupyter, int concurrency, Duration pollInterval, Duration progressInterval, DataSize logTail, Retry retry) {

	public LauncherProperties {
		tools = tools == null ? List.of() : tools.stream().filter(folder -> !folder.isBlank()).toList();
		concurrency = Math.max(1, concurrency);
	}

	/**
	 * The catalog.
	 *
	 * @param url base address, e.g. {@code http://127.0.0.1:3000}
	 * @param token a bearer token (API token or JWT); used when set
	 * @param username functional account to sign in with when no token is set; it updates jobs
	 *        ({@code UPDATE_JOB_PRIVILEGED_GROUPS}), reads the jobs' datasets and creates derived datasets for their
	 *        owners ({@code CREATE_DATASET_PRIVILEGED_GROUPS})
	 * @param password its password
	 */
	public record Catalog(String url, String token, String username, String password) {
	}

	/**
	 * Kafka.
	 *
	 * @param bootstrapServers brokers
	 * @param analysisTopic topic of new analysis jobs
 * @param jupyterTopic topic of new Jupyter session jobs
	 * @param groupId consumer group; replicas share it
	 */
	public record Kafka(String bootstrapServers, String analysisTopic, String jupyterTopic, String groupId) {
	}

	/**
	 * The local back-end: a process per run on this machine.
	 *
	 * @param enabled whether it runs jobs
	 * @param isolation {@code auto} (bubblewrap where installed, else a plain process), {@code bwrap} (refuse to run
	 *        without it) or {@code none}
	 * @param hosts the {@code sourceFolderHost} values whose folders this machine sees; a dataset without one is
	 *        always taken as local
	 * @param roots folders under which datasets may be read; empty: anywhere
	 */
	public record Local(boolean enabled, String isolation, List<String> hosts, List<String> roots) {

		public Local {
			hosts = hosts == null ? List.of() : hosts.stream().filter(host -> !host.isBlank()).toList();
			roots = roots == null ? List.of() : roots.stream().filter(root -> !root.isBlank()).toList();
			isolation = isolation == null || isolation.isBlank() ? "auto" : isolation;
		}

	}

	/**
	 * The SLURM back-end: a batch job per run, through sbatch, squeue, scontrol and scancel on this machine's
	 * {@code PATH}.
	 *
	 * @param enabled whether it runs jobs
	 * @param partition the partition; empty: the cluster's default
	 * @param isolation {@code auto} or {@code bwrap} (each run in bubblewrap's sandbox, where this machine has it;
	 *        the nodes must have it at the same path) or {@code none}
	 * @param hosts the {@code sourceFolderHost} values whose folders the cluster sees
	 * @param roots folders under which the cluster sees datasets; empty: anywhere
	 * @param conf the {@code slurm.conf} the commands read ({@code SLURM_CONF}); empty: SLURM's default
	 */
	public record Slurm(boolean enabled, String partition, String isolation, List<String> hosts, List<String> roots,
			String conf) {

		public Slurm {
			hosts = hosts == null ? List.of() : hosts.stream().filter(host -> !host.isBlank()).toList();
			roots = roots == null ? List.of() : roots.stream().filter(root -> !root.isBlank()).toList();
			isolation = isolation == null || isolation.isBlank() ? "auto" : isolation;
		}

	}

	/**
	 * The Kubernetes back-end: a Job per run, through the cluster the fabric8 client finds (in-cluster service account,
	 * or {@code KUBECONFIG}).
	 *
	 * @param enabled whether it runs jobs
	 * @param namespace the namespace of the runs' Jobs
	 * @param serviceAccount the service account of the runs' pods (give it no rights)
	 * @param volumes the claims holding datasets and the work folder, each {@code /folder=claim-name}
	 * @param hosts the {@code sourceFolderHost} values whose folders the claims hold
	 */
	public record Kubernetes(boolean enabled, String namespace, String serviceAccount, List<String> volumes,
			List<String> hosts) {

		public Kubernetes {
			volumes = volumes == null ? List.of() : volumes.stream().filter(volume -> !volume.isBlank()).toList();
			hosts = hosts == null ? List.of() : hosts.stream().filter(host -> !host.isBlank()).toList();
		}

	}

	/**
	 * Jupyter sessions: a jupyter-server per {@code jupyter} job on the local back-end, culled as
	 * jupyterhub-idle-culler does.
	 *
	 * @param command the jupyter-server program (Debian's {@code /usr/bin/jupyter-server})
	 * @param host the host name in the URL given to the session's owner (the launcher's machine as users reach it)
	 * @param idleTimeout a session without activity (the server's {@code last_activity}) this long is culled
	 * @param maxAge a session this old is culled, active or not
	 * @param cullEvery how often sessions are checked
	 * @param startTimeout how long a server may take to answer before its job fails
	 */
	public record Jupyter(String command, String host, Duration idleTimeout, Duration maxAge, Duration cullEvery,
			Duration startTimeout) {
	}

	/**
	 * Retries while the catalog does not answer.
	 *
	 * @param attempts attempts before giving up on a step
	 * @param delay first delay, doubled at each attempt
	 * @param maxDelay longest delay
	 */
	public record Retry(int attempts, Duration delay, Duration maxDelay) {
	}

}
