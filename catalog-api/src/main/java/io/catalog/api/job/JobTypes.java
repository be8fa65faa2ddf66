package io.catalog.api.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import io.catalog.api.document.InvalidInputException;

/**
 * The configured job types, read once at start-up from {@code JOB_CONFIGURATION_FILE} or, without it, from the
 * built-in {@code jobs/default-jobconfig.yaml} (archive, retrieve, public). A bad file stops the start.
 */
@Component
class JobTypes {

	private static final Logger log = LoggerFactory.getLogger(JobTypes.class);

	static final String DEFAULT = "jobs/default-jobconfig.yaml";

	private final Map<String, JobType> types;

	JobTypes(JobProperties properties, ObjectMapper mapper, WebClient.Builder web) throws IOException {
		var actions = new JobActions(mapper, web.build());
		var file = properties.configurationFile();
		if (file == null || file.isBlank()) {
			try (InputStream in = JobTypes.class.getClassLoader().getResourceAsStream(DEFAULT)) {
				types = new JobConfigLoader(DEFAULT, actions).load(in);
			}
		}
		else {
			try (InputStream in = Files.newInputStream(Path.of(file))) {
				types = new JobConfigLoader(file, actions).load(in);
			}
		}
		log.info("Job types: {}", types.keySet());
	}

	/** The type by name, or 400 naming the configured ones. */
	JobType get(String name) {
		var type = types.get(name);
		if (type == null) {
			throw new InvalidInputException("type", "unknown job type " + name + "; configured: " + types.keySet());
		}
		return type;
	}

}
