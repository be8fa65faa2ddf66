package io.catalog.api.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import reactor.core.publisher.Mono;


/**
 * SciCat's {@code validate} action. {@code request} maps JSON paths into the request body to JSON Schemas;
 * {@code datasets} (on create only) maps JSON paths into each dataset of {@code jobParams.datasetList} to JSON
 * Schemas. A path that finds nothing, or a value its schema refuses, is a 400 naming the path.
 */
final class ValidateAction implements JobType.Action {

	/** One schema for every value one path finds. */
	record Check(String path, List<String> steps, JsonSchema schema) {
	}

	private final ObjectMapper mapper;

	private final List<Check> request;

	private final List<Check> datasets;

	ValidateAction(Map<String, Object> options, boolean onCreate, JobSchemas schemas, ObjectMapper mapper) {
		ActionOptions.allowOnly(options, onCreate ? new String[] { "actionType", "request", "datasets" }
				: new String[] { "actionType", "request" });
		this.mapper = mapper;
		this.request = checks(ActionOptions.map(options, "request"), schemas);
		this.datasets = onCreate ? checks(ActionOptions.map(options, "datasets"), schemas) : null;
	}

	private static List<Check> checks(Map<String, Object> config, JobSchemas schemas) {
		if (config == null) {
			return null;
		}
		var checks = new ArrayList<Check>();
		config.forEach((path, schema) -> checks.add(new Check(path, JsonPaths.parse(path), schemas.compile(path, schema))));
		return List.copyOf(checks);
	}

	@Override
	public Mono<Void> validate(JobContext context) {
		return Mono.fromRunnable(() -> {
			if (request != null) {
				check(context.request(), request);
			}
			if (datasets != null) {
				if (context.datasets().isEmpty()) {
					throw JobProblems.badRequest("jobParams.datasetList", "'jobParams.datasetList' is required.");
				}
				context.datasets().forEach(dataset -> check(dataset, datasets));
			}
		});
	}

	private void check(Object json, List<Check> checks) {
		for (var check : checks) {
			var found = JsonPaths.find(check.steps(), json);
			if (found.isEmpty()) {
				throw JobProblems.badRequest(check.path(), "Invalid request. Requires '" + check.path() + "'");
			}
			for (var value : found) {
				JsonNode node = mapper.valueToTree(value);
				var problems = check.schema().validate(node);
				if (!problems.isEmpty()) {
					var refusal = JobProblems.badRequest(check.path(), "Invalid request. Invalid value for '" + check.path() + "'");
					refusal.getBody().setProperty("reason", problems.iterator().next().getMessage());
					throw refusal;
				}
			}
		}
	}

}
