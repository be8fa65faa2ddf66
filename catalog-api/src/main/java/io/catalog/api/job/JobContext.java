package io.catalog.api.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What job actions and their templates see, as in SciCat: the request body ({@code request}), the job
 * ({@code job}: before the write the stored job on update, none on create; after it the job as written), the
 * datasets the job lists ({@code datasets}) and the process environment ({@code env}).
 *
 * @param request the request body as the API read it
 * @param job the job, or null before a new job is written
 * @param datasets the datasets of {@code jobParams.datasetList}
 * @param env the environment variables
 */
record JobContext(Map<String, Object> request, Map<String, Object> job, List<Map<String, Object>> datasets,
		Map<String, String> env) {

	JobContext withJob(Map<String, Object> written) {
		return new JobContext(request, written, datasets, env);
	}

	/** The context as one map, for templates and JSON paths. */
	Map<String, Object> model() {
		var model = new LinkedHashMap<String, Object>();
		model.put("request", request);
		if (job != null) {
			model.put("job", job);
		}
		model.put("datasets", datasets);
		model.put("env", env);
		return model;
	}

	/** The job's id, for log lines. */
	Object jobId() {
		return job == null ? null : job.get("id");
	}

}
