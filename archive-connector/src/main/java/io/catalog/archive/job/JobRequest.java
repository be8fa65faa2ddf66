package io.catalog.archive.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.catalog.sdk.model.Job;

/**
 * What a job asks for, read from its {@code jobParams}: the datasets ({@code datasetList[].pid}, with
 * {@code files} naming a subset for a retrieve) and, for a retrieve, a {@code destinationPath}.
 *
 * @param id the job's id
 * @param type {@code archive} or {@code retrieve}
 * @param datasets the datasets, in the job's order
 * @param destinationPath where a retrieve writes; {@code null} for each dataset's {@code sourceFolder}
 * @param contactEmail whom the job names to hear of it, or {@code null}
 */
public record JobRequest(String id, String type, List<DatasetRequest> datasets, String destinationPath,
		String contactEmail) {

	public static final String ARCHIVE = "archive";

	public static final String RETRIEVE = "retrieve";

	/**
	 * One dataset of a job.
	 *
	 * @param pid the dataset's pid
	 * @param files the files asked for (paths as in its file lists); empty for all
	 */
	public record DatasetRequest(String pid, List<String> files) {
	}

	/** Reads a job; a malformed entry of the dataset list is skipped (the catalog validated the list on create). */
	public static JobRequest of(Job job) {
		var params = job.getJobParams() == null ? Map.<String, Object>of() : job.getJobParams();
		var datasets = new ArrayList<DatasetRequest>();
		if (params.get("datasetList") instanceof List<?> list) {
			for (var entry : list) {
				if (entry instanceof Map<?, ?> item && item.get("pid") instanceof String pid) {
					var files = item.get("files") instanceof List<?> named
							? named.stream().filter(String.class::isInstance).map(String.class::cast).toList()
							: List.<String>of();
					datasets.add(new DatasetRequest(pid, files));
				}
			}
		}
		var destination = params.get("destinationPath") instanceof String path && !path.isBlank() ? path : null;
		return new JobRequest(job.getId(), job.getType(), List.copyOf(datasets), destination, job.getContactEmail());
	}

}
