package io.catalog.launcher.backend;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.catalog.launcher.tool.Resources;

/**
 * One run as a back-end starts it: the program and its arguments, its environment (nothing else of the launcher's
 * leaks in), the folders it may only read, the fresh folder it writes, where its output streams go, and what it
 * needs.
 *
 * @param name a name unique to the run ({@code <job>-<n>}), for the back-end's own records
 * @param argv the program and its arguments
 * @param environment its environment variables
 * @param readOnly dataset folders, mounted read-only where the back-end isolates
 * @param output the run's output folder (created, empty)
 * @param stdout file that receives its standard output
 * @param stderr file that receives its standard error
 * @param resources what it needs
 * @param network whether it may reach the network
 * @param image the container image a container back-end runs, or {@code null}
 */
public record RunSpec(String name, List<String> argv, Map<String, String> environment, List<Path> readOnly, Path output,
		Path stdout, Path stderr, Resources resources, boolean network, String image) {

	public RunSpec {
		argv = List.copyOf(argv);
		environment = Map.copyOf(environment);
		readOnly = List.copyOf(readOnly);
	}

	/** The longest the run may take. */
	public Duration timeout() {
		return resources.time();
	}

}
