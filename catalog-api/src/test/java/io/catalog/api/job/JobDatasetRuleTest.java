package io.catalog.api.job;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.Requests;

/**
 * The archive type's {@code #datasetOwner} rule as newer SciCat decides it: by the groups of whom the job is for,
 * any of them (not only the job's owner group); a create-privileged account creating for nobody has no groups.
 */
@TestPropertySource(properties = "catalog.jobs.create-job-privileged-groups=group2")
class JobDatasetRuleTest extends CatalogTest {

	private String dataset(String ownerGroup) {
		return (String) created("ingestor", "/api/v3/datasets", Requests.rawDataset(ownerGroup)).get("pid");
	}

	private static Map<String, Object> archiveJob(Map<String, Object> owners, String... pids) {
		var job = new HashMap<String, Object>(owners);
		job.put("type", "archive");
		job.put("jobParams", Map.of("datasetList", List.of(pids).stream()
			.map(pid -> Map.of("pid", pid, "files", List.of())).toList()));
		return job;
	}

	@Test
	void aUserMayListDatasetsOwnedByAnyOfTheirGroups() {
		var job = archiveJob(Map.of("ownerGroup", "group1"), dataset("group1"), dataset("group4"));

		post("user5", "/api/v4/jobs", job).expectStatus().isCreated()
			.expectBody().jsonPath("$.ownerGroup").isEqualTo("group1").jsonPath("$.ownerUser").isEqualTo("user5");
	}

	@Test
	void aDatasetOfAGroupTheUserIsNotInRefusesTheWholeJob() {
		var job = archiveJob(Map.of("ownerGroup", "group1"), dataset("group1"), dataset("group2"));

		post("user5", "/api/v4/jobs", job).expectStatus().isForbidden()
			.expectBody().jsonPath("$.message").isEqualTo("User does not have access to all datasets, cannot create job.");
	}

	@Test
	void aPrivilegedCreatorNamingNoOwnerHasNoGroupsForTheOwnerRule() {
		var job = archiveJob(Map.of("contactEmail", "beamline@facility.test"), dataset("group2"));

		post("user2", "/api/v4/jobs", job).expectStatus().isForbidden()
			.expectBody().jsonPath("$.message")
			.isEqualTo("User does not belong to any group, cannot create job with #datasetOwner authorization.");
	}

	@Test
	void aPrivilegedCreatorForAnotherUserIsJudgedByThatUsersGroups() {
		post("user2", "/api/v4/jobs", archiveJob(Map.of("ownerUser", "user1"), dataset("group1")))
			.expectStatus().isCreated().expectBody().jsonPath("$.ownerUser").isEqualTo("user1");
		post("user2", "/api/v4/jobs", archiveJob(Map.of("ownerUser", "user1"), dataset("group2")))
			.expectStatus().isForbidden();
	}

	@Test
	void aPrivilegedCreatorForThemselvesIsJudgedByTheirOwnGroups() {
		post("user2", "/api/v4/jobs", archiveJob(Map.of("ownerUser", "user2"), dataset("group2")))
			.expectStatus().isCreated();
	}

}
