package io.catalog.launcher.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.catalog.sdk.model.Job;

/**
 * What an {@code analysis} job asks for, read from its {@code jobParams}: {@code tool} (a tool's name),
 * {@code parameters} (its values by name), {@code datasetList[].pid} (the datasets) and {@code map} (true: one run
 * per dataset, as Cloudknot maps a function over inputs; false, the default: one run over the one dataset) and
 * {@code backend} (optional: the back-end to run on, else the first that reaches the data).
 *
 * @param id the job's id
 * @param tool the tool's name
 * @param parameters the values the job gives, by parameter name
 * @param map whether the tool is mapped over the datasets
 * @param datasets the datasets' pids, in the job's order
 * @param ownerGroup the job's owner group, which will own what it makes
 * @param ownerUser the job's owner, or {@code null}
 * @param contactEmail whom the job names to hear of it, or {@code null}
 * @param accessGroups the job's access groups, given to what it makes
 * @param backend the back-end the job asks for, or {@code null}
 */
record AnalysisRequest(String id, String tool, Map<String, Object> parameters, boolean map, List<String> datasets,
		String ownerGroup, String ownerUser, String contactEmail, List<String> accessGroups, String backend) {

	static final String TYPE = "analysis";

	/** The pids of {@code jobParams.datasetList}, in order; {@link JobRefusal} when there is none. */
	static List<String> pids(Job job) {
		var params = job.getJobParams() == null ? Map.<String, Object>of() : job.getJobParams();
		var datasets = new ArrayList<String>();
		if (params.get("datasetList") instanceof List<?> list) {
			for (var entry : list) {
				if (entry instanceof Map<?, ?> item && item.get("pid") instanceof String pid) {
					datasets.add(pid);
				}
			}
		}
		if (datasets.isEmpty()) {
			throw JobRefusal.field("jobParams.datasetList", "must name at least one dataset");
		}
		return List.copyOf(datasets);
	}

	/** Reads a job; {@link JobRefusal} naming the field at fault. */
	static AnalysisRequest of(Job job) {
		var params = job.getJobParams() == null ? Map.<String, Object>of() : job.getJobParams();
		if (!(params.get("tool") instanceof String tool) || tool.isBlank()) {
			throw JobRefusal.field("jobParams.tool", "is required: the name of one of the launcher's tools");
		}
		var given = params.get("parameters");
		if (given != null && !(given instanceof Map<?, ?>)) {
			throw JobRefusal.field("jobParams.parameters", "must be an object of parameter values by name");
		}
		var parameters = new LinkedHashMap<String, Object>();
		if (given instanceof Map<?, ?> values) {
			values.forEach((key, value) -> parameters.put(String.valueOf(key), value));
		}
		var map = params.get("map");
		if (map != null && !(map instanceof Boolean)) {
			throw JobRefusal.field("jobParams.map", "must be true or false");
		}
		var datasets = pids(job);
		var backend = params.get("backend");
		if (backend != null && !(backend instanceof String)) {
			throw JobRefusal.field("jobParams.backend", "must be the name of a back-end");
		}
		boolean mapped = Boolean.TRUE.equals(map);
		if (!mapped && datasets.size() > 1) {
			throw JobRefusal.field("jobParams.datasetList", "names " + datasets.size()
					+ " datasets: a tool runs over one dataset, or set jobParams.map to run it once per dataset");
		}
		return new AnalysisRequest(job.getId(), tool, parameters, mapped, List.copyOf(datasets), job.getOwnerGroup(),
				job.getOwnerUser(), job.getContactEmail(),
				job.getAccessGroups() == null ? List.of() : List.copyOf(job.getAccessGroups()), (String) backend);
	}

}
