package io.catalog.api.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;

import io.catalog.api.document.InvalidInputException;

/**
 * The actions a job type may run: {@code log}, {@code validate} (JSON Schemas, by SciCat's {@code request} map of
 * dotted request paths to schemas), {@code kafka} (the job to a topic, through the outbox) and {@code url} (the job
 * to an HTTP endpoint). Builds them from configuration, refusing unknown actions and bad schemas.
 */
class JobActions {

	private static final Logger log = LoggerFactory.getLogger(JobActions.class);

	private final ObjectMapper mapper;

	private final WebClient web;

	private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

	private final JsonSchema metaSchema = schemas.getSchema(SchemaLocation.of(SchemaId.V202012));

	JobActions(ObjectMapper mapper, WebClient web) {
		this.mapper = mapper;
		this.web = web;
	}

	/** An action from its configuration; {@link IllegalArgumentException} says what is wrong with it. */
	JobType.Action create(Object config) {
		if (!(config instanceof Map<?, ?> map) || !(map.get("actionType") instanceof String type)) {
			throw new IllegalArgumentException("an action needs an actionType");
		}
		return switch (type) {
			case "log" -> new Log(String.valueOf(map.containsKey("message") ? map.get("message") : "job"));
			case "validate" -> validate(map);
			case "kafka" -> new Publish(text(map, "topic"));
			case "url" -> new CallUrl(text(map, "url"),
					HttpMethod.valueOf(map.containsKey("method") ? String.valueOf(map.get("method")) : "POST"));
			default -> throw new IllegalArgumentException("unknown actionType " + type
					+ "; known: log, validate, kafka, url");
		};
	}

	private JobType.Action validate(Map<?, ?> config) {
		if (!(config.get("request") instanceof Map<?, ?> request) || request.isEmpty()) {
			throw new IllegalArgumentException("validate needs a request map of request paths to JSON Schemas");
		}
		var checks = new ArrayList<Check>();
		request.forEach((path, schema) -> {
			JsonNode node = mapper.valueToTree(schema);
			var problems = metaSchema.validate(node);
			if (!problems.isEmpty() || !node.isObject() && !node.isBoolean()) {
				throw new IllegalArgumentException("the schema for " + path + " is not a JSON Schema: " + problems);
			}
			checks.add(new Check(String.valueOf(path), schemas.getSchema(node)));
		});
		return new Validate(List.copyOf(checks));
	}

	private static String text(Map<?, ?> config, String key) {
		if (config.get(key) instanceof String value && !value.isBlank()) {
			return value;
		}
		throw new IllegalArgumentException(config.get("actionType") + " needs " + key);
	}

	/** One schema for one request path. */
	private record Check(String path, JsonSchema schema) {
	}

	/** Refuses a request whose values do not match their schemas (a missing value is checked as null). */
	private final class Validate implements JobType.Action {

		private final List<Check> checks;

		Validate(List<Check> checks) {
			this.checks = checks;
		}

		@Override
		public void validate(Map<String, Object> request) {
			for (var check : checks) {
				Object value = request;
				for (var segment : check.path().split("\\.")) {
					value = value instanceof Map<?, ?> map ? map.get(segment) : null;
				}
				var problems = check.schema().validate(mapper.valueToTree(value));
				if (!problems.isEmpty()) {
					throw new InvalidInputException(check.path(), problems.iterator().next().getMessage());
				}
			}
		}

	}

	/** Logs the job. */
	private record Log(String message) implements JobType.Action {

		@Override
		public Mono<Void> perform(Map<String, Object> job) {
			log.info("{}: job {} of type {} is {}", message, job.get("id"), job.get("type"), job.get("statusCode"));
			return Mono.empty();
		}

	}

	/** Sends the job to a topic: noted in the outbox with the job's write (see {@link JobService}). */
	private record Publish(String topic) implements JobType.Action {
	}

	/** Sends the job to an HTTP endpoint; a failure is logged, the job stands. */
	private final class CallUrl implements JobType.Action {

		private final String url;

		private final HttpMethod method;

		CallUrl(String url, HttpMethod method) {
			this.url = url;
			this.method = method;
		}

		@Override
		public Mono<Void> perform(Map<String, Object> job) {
			return web.method(method).uri(url).bodyValue(job).retrieve().toBodilessEntity().then()
				.onErrorResume(ex -> {
					log.warn("Job {}: {} {} failed: {}", job.get("id"), method, url, ex.toString());
					return Mono.empty();
				});
		}

	}

}
