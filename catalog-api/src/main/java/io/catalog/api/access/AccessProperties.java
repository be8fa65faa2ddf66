package io.catalog.api.access;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * SciCat's group lists: which groups may do what. Each is read from the environment variable of the same
 * name in SciCat, comma-separated; {@code #all} stands for every signed-in caller.
 *
 * @param adminGroups may do everything ({@code ADMIN_GROUPS})
 * @param deleteGroups may delete datasets and their parts ({@code DELETE_GROUPS})
 * @param createDatasetGroups may create datasets owned by one of their groups ({@code CREATE_DATASET_GROUPS})
 * @param createDatasetWithPidGroups may also choose the pid ({@code CREATE_DATASET_WITH_PID_GROUPS})
 * @param createDatasetPrivilegedGroups may create datasets for any group, with a pid ({@code CREATE_DATASET_PRIVILEGED_GROUPS})
 * @param updateDatasetLifecycleGroups may read every dataset and update its lifecycle ({@code UPDATE_DATASET_LIFECYCLE_GROUPS})
 * @param proposalGroups may create and update proposals ({@code PROPOSAL_GROUPS})
 * @param sampleGroups may create samples owned by one of their groups ({@code SAMPLE_GROUPS})
 * @param samplePrivilegedGroups may create samples for any group ({@code SAMPLE_PRIVILEGED_GROUPS})
 * @param attachmentGroups may create attachments owned by one of their groups ({@code ATTACHMENT_GROUPS})
 * @param attachmentPrivilegedGroups may create attachments for any group ({@code ATTACHMENT_PRIVILEGED_GROUPS})
 * @param globalAccessGroups may read every document (the {@code globalaccess} role)
 */
@ConfigurationProperties("catalog.access")
public record AccessProperties(List<String> adminGroups, List<String> deleteGroups,
		List<String> createDatasetGroups, List<String> createDatasetWithPidGroups,
		List<String> createDatasetPrivilegedGroups, List<String> updateDatasetLifecycleGroups,
		List<String> proposalGroups, List<String> sampleGroups, List<String> samplePrivilegedGroups,
		List<String> attachmentGroups, List<String> attachmentPrivilegedGroups, List<String> globalAccessGroups) {

	public AccessProperties {
		adminGroups = orEmpty(adminGroups);
		deleteGroups = orEmpty(deleteGroups);
		createDatasetGroups = orEmpty(createDatasetGroups);
		createDatasetWithPidGroups = orEmpty(createDatasetWithPidGroups);
		createDatasetPrivilegedGroups = orEmpty(createDatasetPrivilegedGroups);
		updateDatasetLifecycleGroups = orEmpty(updateDatasetLifecycleGroups);
		proposalGroups = orEmpty(proposalGroups);
		sampleGroups = orEmpty(sampleGroups);
		samplePrivilegedGroups = orEmpty(samplePrivilegedGroups);
		attachmentGroups = orEmpty(attachmentGroups);
		attachmentPrivilegedGroups = orEmpty(attachmentPrivilegedGroups);
		globalAccessGroups = orEmpty(globalAccessGroups);
	}

	private static List<String> orEmpty(List<String> groups) {
		return groups == null ? List.of() : groups.stream().map(String::trim).filter(g -> !g.isEmpty()).toList();
	}

}
