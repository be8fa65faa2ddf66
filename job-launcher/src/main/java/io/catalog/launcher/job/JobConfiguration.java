package io.catalog.launcher.job;

import java.nio.file.Path;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.catalog.launcher.LauncherProperties;
import io.catalog.launcher.backend.Backend;
import io.catalog.launcher.catalog.Catalog;
import io.catalog.launcher.provenance.DerivedDatasets;
import io.catalog.launcher.tool.ToolCatalog;
import io.catalog.worker.JobListener;

/** The workspace, the job runner and the Kafka listener that feeds it. */
@Configuration(proxyBeanMethods = false)
class JobConfiguration {

	@Bean
	Workspace workspace(LauncherProperties properties) {
		return new Workspace(Path.of(properties.workDir()));
	}

	@Bean
	Sessions sessions() {
		return new Sessions();
	}

	@Bean(destroyMethod = "close")
	JobRunner jobRunner(Catalog catalog, ToolCatalog tools, List<Backend> backends, Workspace workspace,
			LauncherProperties properties, Sessions sessions) {
		var setup = new AnalysisJob.Setup(catalog, tools, backends, workspace, new DerivedDatasets(catalog),
				new RunSupervisor(properties.pollInterval(), properties.logTail().toBytes()),
				properties.progressInterval());
		var runner = new JobRunner(setup, properties.jupyter(), properties.launcherId(), properties.concurrency(),
				sessions);
		runner.endLostRuns();
		return runner;
	}

	@Bean
	JobListener jobListener(JobRunner runner, LauncherProperties properties) {
		var kafka = properties.kafka();
		if (kafka.bootstrapServers() == null || kafka.bootstrapServers().isBlank()) {
			throw new IllegalArgumentException("KAFKA_BOOTSTRAP_SERVERS is not set: the launcher hears jobs from Kafka");
		}
		return new JobListener(kafka.bootstrapServers(), kafka.groupId(), List.of(kafka.analysisTopic(), kafka.jupyterTopic()),
				runner, "analysis-jobs");
	}

}
