package io.catalog.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every environment variable the manifests give a service is one that service reads (its application.yml names
 * it), so a misspelt variable cannot pass unnoticed; and the job types agree with the job launcher's once its
 * module is on this branch.
 */
class ServiceVariablesTest {

	/** Read by the JVM, by Spring Boot's relaxed binding, or only expanded into another variable. */
	static final Set<String> NOT_IN_APPLICATION_YML = Set.of("JAVA_TOOL_OPTIONS",
			"MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "MONGODB_PASSWORD");

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	static List<String> overlays() {
		return Rendered.OVERLAYS;
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyVariableAServiceIsGivenIsOneItReads(String overlay) {
		var rendered = Overlays.named(overlay);
		var unread = new ArrayList<String>();
		var checked = new ArrayList<String>();
		HouseRulesTest.forEachContainer(rendered, (workload, container) -> {
			var module = ConfigurationTest.MODULES.get(container.path("image").asText().replaceAll(":.*", ""));
			var yml = module == null ? null : Sources.applicationYml(module).orElse(null);
			if (yml == null) {
				return;
			}
			checked.add(module);
			for (var env : container.path("env")) {
				var name = env.path("name").asText();
				if (!yml.contains("${" + name + ":") && !yml.contains("${" + name + "}")
						&& !NOT_IN_APPLICATION_YML.contains(name)) {
					unread.add(module + ": " + name);
				}
			}
		});
		assertThat(checked).contains("catalog-api", "ingestor", "archive-connector", "job-launcher");
		assertThat(unread).as("variables no application.yml reads").isEmpty();
	}

	@Test
	void theAnalysisJobTypeIsTheJobLaunchersOnceItsModuleIsHere() throws IOException {
		var theirs = Sources.read(Sources.ROOT.resolve("job-launcher/jobconfig/jobconfig.yaml"));
		Assumptions.assumeTrue(theirs.isPresent(),
				"job-launcher/jobconfig/jobconfig.yaml is not on this branch yet (issue 15): nothing to compare");
		var ours = YAML.readTree(Sources.read(Rendered.K8S.resolve("base/config/jobConfig.yaml")).orElseThrow());
		var launcher = YAML.readTree(theirs.get());
		for (var type : launcher.path("jobs")) {
			assertThat(ours.path("jobs")).as(type.path("jobType").asText()).contains(type);
		}
	}

}
