package io.catalog.api.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;


/** Reading SciCat-shaped job configurations: the built-in types, every action type, and mistakes with their line. */
class JobConfigLoaderTest {

	static JobProperties properties(JobProperties.Rabbitmq rabbitmq, JobProperties.Email email) {
		return new JobProperties(null, null, null, null, null, null, email, rabbitmq);
	}

	private static Map<String, JobType> load(String yaml, JobProperties properties) throws Exception {
		var actions = new JobActions(new ObjectMapper(), null, properties);
		return new JobConfigLoader("jobs.yaml", actions).load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
	}

	private static Map<String, JobType> load(String yaml) throws Exception {
		return load(yaml, properties(null, null));
	}

	private static JobContext request(Map<String, Object> request, List<Map<String, Object>> datasets) {
		return new JobContext(request, null, datasets, Map.of());
	}

	@Test
	void theBuiltInConfigurationHasArchiveRetrieveAndPublic() throws Exception {
		try (var in = getClass().getClassLoader().getResourceAsStream(JobTypes.DEFAULT)) {
			var actions = new JobActions(new ObjectMapper(), null, properties(null, null));
			assertThat(new JobConfigLoader(JobTypes.DEFAULT, actions).load(in)).containsOnlyKeys("archive", "retrieve", "public");
		}
	}

	@Test
	void aConfigurationWithoutConfigVersionIsRefused() {
		assertThatThrownBy(() -> load("""
				jobs:
				  - jobType: scan
				""")).hasMessageContaining("configVersion");
	}

	@Test
	void theConfigVersionTravelsWithEachType() throws Exception {
		var types = load("""
				configVersion: site-2026-12
				jobs:
				  - jobType: scan
				""");
		assertThat(types.get("scan").configVersion()).isEqualTo("site-2026-12");
	}

	@Test
	void anUnknownActionIsRefusedWithItsLine() {
		assertThatThrownBy(() -> load("""
				configVersion: one
				jobs:
				  - jobType: archive
				    create:
				      auth: "#all"
				      actions:
				        - actionType: carrierPigeon
				"""))
			.hasMessageContaining("jobs.yaml:7").hasMessageContaining("unknown actionType carrierPigeon");
	}

	@Test
	void anUnknownActionInsideASwitchCaseIsRefusedWithItsOwnLine() {
		assertThatThrownBy(() -> load("""
				configVersion: one
				jobs:
				  - jobType: archive
				    update:
				      actions:
				        - actionType: switch
				          phase: perform
				          property: job.statusCode
				          cases:
				            - actions:
				                - actionType: smokeSignal
				"""))
			.hasMessageContaining("jobs.yaml:11").hasMessageContaining("smokeSignal");
	}

	@Test
	void aBadSchemaIsRefusedWithItsLine() {
		assertThatThrownBy(() -> load("""
				configVersion: one
				jobs:
				  - jobType: archive
				    create:
				      actions:
				        - actionType: validate
				          request:
				            jobParams.size:
				              type: 12
				"""))
			.hasMessageContaining("jobs.yaml:6").hasMessageContaining("not a JSON Schema");
	}

	@Test
	void anUnknownAuthRuleIsRefused() {
		assertThatThrownBy(() -> load("""
				configVersion: one
				jobs:
				  - jobType: archive
				    create:
				      auth: "#everybody"
				"""))
			.hasMessageContaining("jobs.yaml:5");
	}

	@Test
	void validateChecksEachRequestPathAgainstItsSchema() throws Exception {
		var step = load("""
				configVersion: one
				jobs:
				  - jobType: scan
				    create:
				      auth: "#all"
				      actions:
				        - actionType: validate
				          request:
				            jobParams.energy:
				              type: number
				              minimum: 1
				            jobParams.detectors[*]:
				              type: string
				""").get("scan").create();

		step.validate(request(Map.of("jobParams", Map.of("energy", 5, "detectors", List.of("pilatus"))), List.of())).block();
		assertThatThrownBy(() -> step.validate(request(Map.of("jobParams", Map.of("energy", 0, "detectors", List.of())),
				List.of())).block()).isInstanceOf(ErrorResponseException.class).hasMessageContaining("jobParams.energy");
		assertThatThrownBy(() -> step.validate(request(Map.of("jobParams", Map.of("energy", 2, "detectors", List.of(7))),
				List.of())).block()).hasMessageContaining("jobParams.detectors[*]");
		assertThatThrownBy(() -> step.validate(request(Map.of("jobParams", Map.of("detectors", List.of())), List.of()))
			.block()).hasMessageContaining("Requires 'jobParams.energy'");
	}

	@Test
	void validateChecksEveryListedDatasetAndNeedsAtLeastOne() throws Exception {
		var step = load("""
				configVersion: one
				jobs:
				  - jobType: archive
				    create:
				      actions:
				        - actionType: validate
				          datasets:
				            datasetlifecycle.archivable:
				              const: true
				""").get("archive").create();
		var ready = Map.<String, Object>of("pid", "p/1", "datasetlifecycle", Map.of("archivable", true));
		var busy = Map.<String, Object>of("pid", "p/2", "datasetlifecycle", Map.of("archivable", false));

		step.validate(request(Map.of(), List.of(ready))).block();
		assertThatThrownBy(() -> step.validate(request(Map.of(), List.of(ready, busy))).block())
			.isInstanceOf(ErrorResponseException.class).hasMessageContaining("400")
			.hasMessageContaining("datasetlifecycle.archivable");
		assertThatThrownBy(() -> step.validate(request(Map.of(), List.of())).block())
			.hasMessageContaining("jobParams.datasetList");
	}

	@Test
	void datasetChecksBelongToCreateOnly() {
		assertThatThrownBy(() -> load("""
				configVersion: one
				jobs:
				  - jobType: archive
				    update:
				      actions:
				        - actionType: validate
				          datasets:
				            isPublished:
				              const: true
				""")).hasMessageContaining("jobs.yaml:6").hasMessageContaining("datasets");
	}

	@Test
	void aSwitchRunsTheFirstCaseThatFitsAndAnErrorCaseRefusesWithItsStatus() throws Exception {
		var step = load("""
				configVersion: one
				jobs:
				  - jobType: scan
				    update:
				      actions:
				        - actionType: switch
				          phase: validate
				          property: request.statusCode
				          cases:
				            - match: paused
				              actions:
				                - actionType: error
				                  message: "{{ request.statusCode }} is not for {{ job.type }} jobs"
				                  status: 409
				            - regex: /^finished/i
				              actions:
				                - actionType: log
				            - actions:
				                - actionType: error
				                  message: unknown status {{ request.statusCode }}
				""").get("scan").update();
		var job = Map.<String, Object>of("type", "scan");

		step.validate(new JobContext(Map.of("statusCode", "FinishedSuccessful"), job, List.of(), Map.of())).block();
		assertThatThrownBy(() -> step.validate(new JobContext(Map.of("statusCode", "paused"), job, List.of(), Map.of()))
			.block()).isInstanceOfSatisfying(ErrorResponseException.class, ex -> {
				assertThat(ex.getStatusCode().value()).isEqualTo(409);
				assertThat(ex.getBody().getDetail()).isEqualTo("paused is not for scan jobs");
			});
		assertThatThrownBy(() -> step.validate(new JobContext(Map.of("statusCode", "lost"), job, List.of(), Map.of()))
			.block()).hasMessageContaining("400");
	}

	@Test
	void rabbitmqActionsNeedRabbitmqEnabled() {
		var yaml = """
				configVersion: one
				jobs:
				  - jobType: archive
				    update:
				      actions:
				        - actionType: rabbitmq
				          exchange: jobs.write
				          queue: client.jobs.write
				          key: jobqueue
				""";
		assertThatThrownBy(() -> load(yaml)).hasMessageContaining("jobs.yaml:6").hasMessageContaining("RABBITMQ_ENABLED=yes");
		assertThatThrownBy(() -> load(yaml, properties(new JobProperties.Rabbitmq("yes", "broker.site", null, "catalog", null),
				null))).hasMessageContaining("RABBITMQ_PORT, RABBITMQ_PASSWORD are not set");
	}

}
