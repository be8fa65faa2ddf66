package io.catalog.api.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import io.catalog.api.document.InvalidInputException;

/** Reading SciCat's job configuration: the built-in types, and mistakes reported with their line. */
class JobConfigLoaderTest {

	private final JobConfigLoader loader = new JobConfigLoader("jobs.yaml", new JobActions(new ObjectMapper(), null));

	private Map<String, JobType> load(String yaml) throws Exception {
		return loader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void theBuiltInConfigurationHasArchiveRetrieveAndPublic() throws Exception {
		try (var in = getClass().getClassLoader().getResourceAsStream(JobTypes.DEFAULT)) {
			assertThat(loader.load(in)).containsOnlyKeys("archive", "retrieve", "public");
		}
	}

	@Test
	void anUnknownActionIsRefusedWithItsLine() {
		assertThatThrownBy(() -> load("""
				jobs:
				  - jobType: archive
				    create:
				      auth: "#all"
				      actions:
				        - actionType: carrierPigeon
				"""))
			.hasMessageContaining("jobs.yaml:6").hasMessageContaining("unknown actionType carrierPigeon");
	}

	@Test
	void aBadSchemaIsRefusedWithItsLine() {
		assertThatThrownBy(() -> load("""
				jobs:
				  - jobType: archive
				    create:
				      actions:
				        - actionType: validate
				          request:
				            jobParams.size:
				              type: 12
				"""))
			.hasMessageContaining("jobs.yaml:5").hasMessageContaining("not a JSON Schema");
	}

	@Test
	void anUnknownAuthRuleIsRefused() {
		assertThatThrownBy(() -> load("""
				jobs:
				  - jobType: archive
				    create:
				      auth: "#everybody"
				"""))
			.hasMessageContaining("jobs.yaml:4");
	}

	@Test
	void theValidateActionChecksTheRequestAgainstItsSchema() throws Exception {
		var type = load("""
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
				""").get("scan");
		var action = type.create().actions().get(0);

		action.validate(Map.of("jobParams", Map.of("energy", 5)));
		assertThatThrownBy(() -> action.validate(Map.of("jobParams", Map.of("energy", 0))))
			.isInstanceOf(InvalidInputException.class);
	}

}
