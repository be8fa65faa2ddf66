package io.catalog.launcher.job;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one run of a job went, as the job's result shows it.
 *
 * @param index the run's number in the job, from 0
 * @param dataset the pid of its dataset
 * @param state {@code running}, {@code succeeded}, {@code failed}, {@code timedOut} or {@code cancelled}
 * @param backendId the back-end's id of the run (a process id), or {@code null} when it never started
 * @param isolation how the back-end isolated it
 * @param exitCode its exit code, or {@code null}
 * @param message what happened, in a sentence
 * @param stdout the end of its standard output
 * @param stderr the end of its standard error
 * @param derivedDataset the pid of the dataset its outputs became, or {@code null}
 * @param seconds how long it ran
 */
record RunResult(int index, String dataset, String state, String backendId, String isolation, Integer exitCode,
		String message, String stdout, String stderr, String derivedDataset, double seconds) {

	boolean succeeded() {
		return "succeeded".equals(state);
	}

	RunResult withDerived(String pid) {
		return new RunResult(index, dataset, state, backendId, isolation, exitCode, message, stdout, stderr, pid, seconds);
	}

	RunResult failed(String why) {
		return new RunResult(index, dataset, "failed", backendId, isolation, exitCode, why, stdout, stderr, derivedDataset,
				seconds);
	}

	/** As JSON for the job's result (no null values). */
	Map<String, Object> toJson() {
		var json = new LinkedHashMap<String, Object>();
		json.put("index", index);
		json.put("dataset", dataset);
		json.put("state", state);
		putIfSet(json, "backendId", backendId);
		putIfSet(json, "isolation", isolation);
		putIfSet(json, "exitCode", exitCode);
		putIfSet(json, "message", message);
		json.put("stdout", stdout);
		json.put("stderr", stderr);
		putIfSet(json, "derivedDataset", derivedDataset);
		json.put("seconds", Math.round(seconds * 1000) / 1000.0);
		return json;
	}

	private static void putIfSet(Map<String, Object> json, String key, Object value) {
		if (value != null) {
			json.put(key, value);
		}
	}

}
