package io.catalog.launcher.backend;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The shell script a batch scheduler runs for one run: it sets the run's environment (and nothing else), goes to the
 * output folder, runs the command with every argument single-quoted (no value is ever shell syntax), and writes the
 * exit code to a file beside the logs before exiting with it.
 */
final class BatchScript {

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private BatchScript() {
	}

	static String of(RunSpec run, List<String> command, Path exitFile) {
		var environment = new TreeMap<String, String>();
		environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
		environment.put("LANG", "C.UTF-8");
		environment.put("HOME", run.output().toString());
		environment.putAll(run.environment());
		var script = new StringBuilder("#!/bin/sh\n# written by the job launcher for run ").append(run.name()).append('\n');
		for (Map.Entry<String, String> entry : environment.entrySet()) {
			if (!NAME.matcher(entry.getKey()).matches()) {
				throw new LaunchException("environment variable name " + entry.getKey() + " is not valid", null);
			}
			script.append("export ").append(entry.getKey()).append('=').append(quote(entry.getValue())).append('\n');
		}
		script.append("cd ").append(quote(run.output().toString())).append(" || exit 111\n");
		script.append(command.stream().map(BatchScript::quote).collect(Collectors.joining(" "))).append('\n');
		var tmp = quote(exitFile + ".tmp");
		script.append("code=$?\necho \"$code\" > ").append(tmp).append(" && mv ").append(tmp).append(' ')
			.append(quote(exitFile.toString())).append("\nexit \"$code\"\n");
		return script.toString();
	}

	/** A word in single quotes, its own single quotes written as {@code '\''}. */
	static String quote(String word) {
		return "'" + word.replace("'", "'\\''") + "'";
	}

}
