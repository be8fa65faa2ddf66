package io.catalog.api.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;


/**
 * The configured job types, read once at start-up from {@code JOB_CONFIGURATION_FILE} or, without it, from the
 * built-in {@code jobs/default-jobconfig.yaml} (archive, retrieve, public). A bad file stops the start.
 */
@Component
class JobTypes implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(JobTypes.class);

	static final String DEFAULT = "jobs/default-jobconfig.yaml";

	private final Map<String, JobType> types;

	private final JobActions actions;

	JobTypes(JobProperties properties, ObjectMapper mapper, WebClient.Builder web) throws IOException {
		actions = new JobActions(mapper, web.build(), properties);
		var file = properties.configurationFile();
		if (file == null || file.isBlank()) {
			try (InputStream in = JobTypes.class.getClassLoader().getResourceAsStream(DEFAULT)) {
				types = new JobConfigLoader(DEFAULT, actions).load(in);
			}
		}
		else {
			var path = Path.of(file);
			actions.relativeTo(path.toAbsolutePath().getParent());
			try (InputStream in = Files.newInputStream(path)) {
				types = new JobConfigLoader(file, actions).load(in);
			}
		}
		log.info("Job types: {}", types.keySet());
	}

	/** The type by name, or 400 naming the configured ones. */
	JobType get(String name) {
		var type = name == null ? null : types.get(name);
		if (type == null) {
			var refusal = JobProblems.badRequest("type", "Invalid job type: " + (name == null ? "undefined" : name));
			refusal.getBody().setProperty("configured", List.copyOf(types.keySet()));
			throw refusal;
		}
		return type;
	}

	Collection<JobType> all() {
		return types.values();
	}

	@Override
	public void destroy() {
		actions.close();
	}

}
