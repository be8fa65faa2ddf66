package io.catalog.launcher.provenance;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.catalog.launcher.tool.ToolSpec;

/**
 * What a derived dataset records of how it was made.
 *
 * @param jobId the job that made it
 * @param tool the tool that ran
 * @param values every parameter value the run got, defaults included
 * @param inputs the pids of the datasets it read
 * @param ownerGroup the job's owner group, which owns it
 * @param accessGroups the job's access groups
 * @param owner the job's owner (user), or {@code null}
 * @param contactEmail the job's contact, or {@code null}
 * @param backend the back-end that ran it and how it isolated the run
 * @param exitCode the run's exit code
 * @param log the end of the run's standard output and error, for {@code jobLogData}
 * @param output the run's output folder, which becomes the dataset's {@code sourceFolder}
 */
public record Derivation(String jobId, ToolSpec tool, Map<String, Object> values, List<String> inputs,
		String ownerGroup, List<String> accessGroups, String owner, String contactEmail, String backend, int exitCode,
		String log, Path output) {
}
