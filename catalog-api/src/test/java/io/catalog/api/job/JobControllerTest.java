package io.catalog.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.Requests;
import io.catalog.api.support.TestKafka;

/** The job routes with the built-in job types: auth rules, dataset checks, the state machine, v3 and v4 shapes. */
class JobControllerTest extends CatalogTest {

	private String dataset(String ownerGroup) {
		return (String) created("ingestor", "/api/v3/datasets", Requests.rawDataset(ownerGroup)).get("pid");
	}

	private Map<String, Object> archiveJob(String pid) {
		return Map.of("type", "archive", "ownerGroup", "group1", "jobParams",
				Map.of("datasetList", List.of(Map.of("pid", pid, "files", List.of()))));
	}

	@Test
	void aCreatedJobAppearsOnItsKafkaTopic() throws Exception {
		var job = created("user1", "/api/v4/jobs", archiveJob(dataset("group1")));

		var event = onlyEventOf(job.get("id"), "catalog.job");

		assertThat(event.get("type").asText()).isEqualTo("io.catalog.job.created");
		assertThat(event.get("data").get("statusCode").asText()).isEqualTo("jobSubmitted");
	}

	@Test
	void aNewArchiveJobReachesTheArchiveTopicOnceAsTheApiShowsIt() throws Exception {
		var job = created("user1", "/api/v4/jobs", archiveJob(dataset("group1")));

		var data = onlyEventOf(job.get("id"), "catalog.jobs.archive").get("data");

		assertThat(data.get("id").asText()).isEqualTo(job.get("id"));
		assertThat(data.get("type").asText()).isEqualTo("archive");
	}

	/** The one event a topic holds for a job, once it arrived; fails if there are more. */
	private static JsonNode onlyEventOf(Object jobId, String topic) throws Exception {
		var records = TestKafka.read(TestKafka.bootstrapServers(), topic,
				read -> read.stream().anyMatch(r -> jobId.equals(r.key())), Duration.ofSeconds(30));
		var mine = records.stream().filter(r -> jobId.equals(r.key())).toList();
		assertThat(mine).hasSize(1);
		return new ObjectMapper().readTree(mine.get(0).value());
	}

	@Test
	void statusMovesThroughTheStateMachineAndIsKeptInHistory() {
		var id = created("user1", "/api/v4/jobs", archiveJob(dataset("group1"))).get("id");
		patch("archiveManager", "/api/v4/jobs/{id}", Map.of("statusCode", "inProgress", "statusMessage", "started"), id)
			.expectStatus().isOk();
		var done = patch("archiveManager", "/api/v4/jobs/{id}", Map.of("statusCode", "finishedSuccessful", "statusMessage", "done"), id)
			.expectStatus().isOk().expectBody(JSON_OBJECT).returnResult().getResponseBody();

		assertThat(((List<?>) done.get("statusHistory")).stream().map(s -> (Object) ((Map<?, ?>) s).get("statusCode")).toList())
			.containsExactly("jobSubmitted", "inProgress", "finishedSuccessful");
	}

	@Test
	void aJobMayFinishAtOnceButAFinishedJobStaysFinished() {
		var id = created("user1", "/api/v4/jobs", archiveJob(dataset("group1"))).get("id");
		patch("archiveManager", "/api/v4/jobs/{id}", Map.of("statusCode", "finishedSuccessful", "statusMessage", "done"), id)
			.expectStatus().isOk();
		patch("archiveManager", "/api/v4/jobs/{id}", Map.of("statusCode", "inProgress", "statusMessage", "again"), id)
			.expectStatus().isEqualTo(409);
	}

	@Test
	void aFacilitysOwnStatusIsKeptAsSent() {
		var id = created("user1", "/api/v4/jobs", archiveJob(dataset("group1"))).get("id");
		var job = patch("archiveManager", "/api/v4/jobs/{id}", Map.of("statusCode", "waitingForTape", "statusMessage",
				"robot busy"), id).expectStatus().isOk().expectBody(JSON_OBJECT).returnResult().getResponseBody();
		assertThat(job).containsEntry("statusCode", "waitingForTape").containsEntry("statusMessage", "robot busy");
	}

	@Test
	void aV4UpdateNeedsStatusCodeAndMessage() {
		var id = created("user1", "/api/v4/jobs", archiveJob(dataset("group1"))).get("id");
		patch("archiveManager", "/api/v4/jobs/{id}", Map.of("statusCode", "inProgress"), id).expectStatus().isBadRequest();
	}

	@Test
	void aJobOnADatasetOfAnotherGroupIs403() {
		var body = Map.of("type", "archive", "ownerGroup", "group2", "jobParams",
				Map.of("datasetList", List.of(Map.of("pid", dataset("group1"), "files", List.of()))));
		post("user2", "/api/v4/jobs", body).expectStatus().isForbidden();
	}

	@Test
	void aUserMustNameOneOfTheirGroupsAsOwner() {
		var pid = dataset("group1");
		var withoutGroup = Map.of("type", "archive", "jobParams", Map.of("datasetList", List.of(Map.of("pid", pid, "files",
				List.of()))));
		post("user1", "/api/v4/jobs", withoutGroup).expectStatus().isForbidden().expectBody()
			.jsonPath("$.message").isEqualTo("Invalid new job. Owner group should be specified.");
		var foreignGroup = Map.of("type", "archive", "ownerGroup", "group3", "jobParams",
				Map.of("datasetList", List.of(Map.of("pid", pid, "files", List.of()))));
		post("user1", "/api/v4/jobs", foreignGroup).expectStatus().isForbidden().expectBody()
			.jsonPath("$.message").isEqualTo("Invalid new job. User needs to belong to job owner group.");
		var otherUser = Map.of("type", "archive", "ownerGroup", "group1", "ownerUser", "user5", "jobParams",
				Map.of("datasetList", List.of(Map.of("pid", pid, "files", List.of()))));
		post("user1", "/api/v4/jobs", otherUser).expectStatus().isForbidden().expectBody()
			.jsonPath("$.message").isEqualTo("Invalid new job. User owning the job should match user logged in.");
		var anonymousJob = Map.of("type", "archive", "jobParams", Map.of("datasetList", List.of(Map.of("pid", pid,
				"files", List.of()))));
		post("admin", "/api/v4/jobs", anonymousJob).expectStatus().isEqualTo(422).expectBody()
			.jsonPath("$.message").isEqualTo("Contact email should be specified for an anonymous job.");
		var foreignDataset = Map.of("type", "archive", "ownerGroup", "group2", "jobParams",
				Map.of("datasetList", List.of(Map.of("pid", pid, "files", List.of()))));
		post("user2", "/api/v4/jobs", foreignDataset).expectStatus().isForbidden().expectBody()
			.jsonPath("$.message").isEqualTo("User does not have access to all datasets, cannot create job.");
	}

	@Test
	void aDatasetListNamesExistingDatasetsAndTheirFiles() {
		var pid = dataset("group1");
		post("user1", "/api/v4/jobs", Map.of("type", "archive", "ownerGroup", "group1", "jobParams",
				Map.of("datasetList", List.of(Map.of("pid", "no/such", "files", List.of())))))
			.expectStatus().isBadRequest().expectBody().jsonPath("$.message").isEqualTo("Datasets with pid no/such do not exist.");
		post("user1", "/api/v4/jobs", Map.of("type", "archive", "ownerGroup", "group1", "jobParams",
				Map.of("datasetList", List.of(Map.of("pid", pid, "files", List.of("missing.h5"))))))
			.expectStatus().isBadRequest().expectBody()
			.jsonPath("$.message").isEqualTo("At least one requested file could not be found.")
			.jsonPath("$.type").doesNotExist();
	}

	@Test
	void aDatasetListThatIsNotAListIs400NamingIt() {
		post("user1", "/api/v4/jobs", Map.of("type", "archive", "ownerGroup", "group1", "jobParams",
				Map.of("datasetList", "x")))
			.expectStatus().isBadRequest().expectBody().jsonPath("$.message").isEqualTo("Invalid dataset list");
		post("user1", "/api/v3/jobs", Map.of("type", "archive", "datasetList", "x")).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.message").value(message -> assertThat((String) message).contains("datasetList"));
	}

	@Test
	void theAnonymousReadNoJobs() {
		as(null).get().uri("/api/v4/jobs").exchange().expectStatus().isForbidden();
	}

	@Test
	void archiveNeedsEveryDatasetArchivable() {
		var pid = dataset("group1");
		patch("archiveManager", "/api/v3/datasets/{pid}/datasetlifecycle", Map.of("archivable", false), pid)
			.expectStatus().isOk();
		post("user1", "/api/v4/jobs", archiveJob(pid)).expectStatus().isBadRequest().expectBody()
			.jsonPath("$.message").isEqualTo("Invalid request. Invalid value for 'datasetlifecycle.archivable'");
	}

	@Test
	void retrieveNeedsEveryDatasetRetrievable() {
		var body = Map.of("type", "retrieve", "ownerGroup", "group1", "jobParams",
				Map.of("datasetList", List.of(Map.of("pid", dataset("group1"), "files", List.of()))));
		post("user1", "/api/v4/jobs", body).expectStatus().isBadRequest();
	}

	@Test
	void anUnknownTypeIs400() {
		post("user1", "/api/v4/jobs", Map.of("type", "teleport", "jobParams", Map.of())).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.message").value(message -> assertThat((String) message).startsWith("Invalid job type: teleport"));
	}

	@Test
	void theValidateActionRefusesAnArchiveJobWithoutDatasets() {
		post("user1", "/api/v4/jobs", Map.of("type", "archive")).expectStatus().isBadRequest();
	}

	@Test
	void v3ClientsSendAndReadTheirFieldNames() {
		var pid = dataset("group1");
		var job = created("user1", "/api/v3/Jobs", Map.of("type", "archive", "emailJobInitiator", "user1@your.site",
				"datasetList", List.of(Map.of("pid", pid, "files", List.of()))));

		assertThat(job).containsEntry("jobStatusMessage", "jobSubmitted").containsEntry("emailJobInitiator", "user1@your.site")
			.doesNotContainKeys("ownerGroup", "statusCode");
		assertThat((List<?>) job.get("datasetList")).hasSize(1);
		assertThat(((Map<?, ?>) job.get("jobParams")).get("username")).isEqualTo("user1");
	}

	@Test
	void othersNeitherSeeNorListSomeoneElsesJob() {
		var id = created("user1", "/api/v4/jobs", archiveJob(dataset("group1"))).get("id");
		as("user3").get().uri("/api/v4/jobs/{id}", id).exchange().expectStatus().isForbidden();
		assertThat(getList("user3", "/api/v4/jobs")).isEmpty();
		assertThat(getList("user1", "/api/v4/jobs")).hasSize(1);
	}

	@Test
	void onlyDeleteGroupsDelete() {
		var id = created("user1", "/api/v4/jobs", archiveJob(dataset("group1"))).get("id");
		as("user1").delete().uri("/api/v4/jobs/{id}", id).exchange().expectStatus().isForbidden();
		as("archiveManager").delete().uri("/api/v4/jobs/{id}", id).exchange().expectStatus().isOk();
	}

	@Test
	void fullfacetCountsJobsByStatus() {
		created("user1", "/api/v4/jobs", archiveJob(dataset("group1")));
		var facets = getList("user1", "/api/v4/jobs/fullfacet?facets={f}", "[\"statusCode\"]");
		assertThat(facets.get(0).get("statusCode")).isEqualTo(List.of(Map.of("_id", "jobSubmitted", "count", 1)));
	}

}
