package io.catalog.launcher.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The launcher's job configuration is the catalog's built-in one, unchanged, plus {@code analysis} and {@code jupyter}. */
class JobConfigurationTest {

	private static final YAMLMapper YAML = new YAMLMapper();

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> jobs(Path file) throws IOException {
		var config = YAML.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {
		});
		return (List<Map<String, Object>>) config.get("jobs");
	}

	@Test
	void holdsTheCatalogsBuiltInJobTypesUnchanged() throws IOException {
		var builtIn = jobs(Path.of("../catalog-api/src/main/resources/jobs/default-jobconfig.yaml"));
		var ours = jobs(Path.of("jobconfig/jobconfig.yaml"));
		assertThat(ours.subList(0, builtIn.size())).isEqualTo(builtIn);
	}

	@Test
	void addsAnalysisAndJupyterPublishedToTheLaunchersTopics() throws IOException {
		var ours = jobs(Path.of("jobconfig/jobconfig.yaml"));
		var added = ours.subList(ours.size() - 2, ours.size());
		assertThat(added).extracting(job -> job.get("jobType")).containsExactly("analysis", "jupyter");
		assertThat(added.get(0).toString()).contains("actionType=kafka, topic=catalog.jobs.analysis")
			.contains("auth=#datasetAccess");
		assertThat(added.get(1).toString()).contains("actionType=kafka, topic=catalog.jobs.jupyter")
			.contains("auth=#datasetAccess");
	}

}
