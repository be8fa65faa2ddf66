package io.catalog.api.job;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;


/**
 * SciCat's {@code switch} action: reads one {@code property} of the context (a JSON path such as
 * {@code request.statusCode} or {@code job.type}) and runs the actions of the first case that fits it:
 * {@code match} (equal, numbers and their text alike), {@code regex} (slash-delimited, on a string), {@code schema}
 * (a JSON Schema) or none (the default). {@code phase} says when: {@code validate}, {@code perform} or {@code all}.
 */
final class SwitchAction implements JobType.Action {

	/** One case: when it fits and what it runs. */
	private record Case(Predicate<Object> fits, List<JobType.Action> actions) {
	}

	private final String property;

	private final List<String> steps;

	private final boolean onValidate;

	private final boolean onPerform;

	private final List<Case> cases = new ArrayList<>();

	SwitchAction(Map<String, Object> options, JobActions factory, boolean onCreate, JobSchemas schemas,
			ObjectMapper mapper) {
		ActionOptions.allowOnly(options, "actionType", "phase", "property", "cases");
		var phase = ActionOptions.required(options, "phase");
		if (!List.of("validate", "perform", "all").contains(phase)) {
			throw new IllegalArgumentException("switch: phase must be validate, perform or all, not " + phase);
		}
		onValidate = !"perform".equals(phase);
		onPerform = !"validate".equals(phase);
		property = ActionOptions.required(options, "property");
		steps = JsonPaths.parse(property);
		if (!(options.get("cases") instanceof List<?> list)) {
			throw new IllegalArgumentException("switch needs a list of cases");
		}
		for (var item : list) {
			if (!(item instanceof Map<?, ?> raw) || !(raw.get("actions") instanceof List<?> actions)) {
				throw new IllegalArgumentException("each switch case needs a list of actions");
			}
			@SuppressWarnings("unchecked")
			var config = (Map<String, Object>) raw;
			var built = actions.stream().map(action -> factory.create(action, onCreate)).toList();
			cases.add(new Case(condition(config, schemas, mapper), built));
		}
	}

	private Predicate<Object> condition(Map<String, Object> config, JobSchemas schemas, ObjectMapper mapper) {
		if (config.containsKey("schema")) {
			var schema = schemas.compile(property + " case", config.get("schema"));
			return value -> schema.validate(mapper.valueToTree(value)).isEmpty();
		}
		if (config.containsKey("regex")) {
			var pattern = JobRegex.slashDelimited(String.valueOf(config.get("regex")));
			return value -> {
				if (!(value instanceof String text)) {
					throw JobProblems.badRequest(property, "Property " + property + " was expected to be a string. Got "
							+ value);
				}
				return pattern.matcher(text).find();
			};
		}
		if (config.containsKey("match")) {
			var match = config.get("match");
			return value -> looselyEqual(match, value);
		}
		return value -> true;
	}

	/** JavaScript's {@code ==} for the scalars a configuration holds. */
	static boolean looselyEqual(Object a, Object b) {
		if (a == null || b == null) {
			return a == b;
		}
		if (a instanceof Number || b instanceof Number || a instanceof Boolean || b instanceof Boolean) {
			return Objects.equals(number(a), number(b)) && number(a) != null;
		}
		return a.equals(b);
	}

	private static Double number(Object value) {
		if (value instanceof Number n) {
			return n.doubleValue();
		}
		if (value instanceof Boolean b) {
			return b ? 1.0 : 0.0;
		}
		try {
			return value instanceof String s && !s.isBlank() ? Double.valueOf(s.trim()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private List<JobType.Action> chosen(JobContext context) {
		var found = new LinkedHashSet<>(JsonPaths.find(steps, context.model()));
		if (found.size() > 1) {
			throw JobProblems.badRequest(property, "Ambiguous value for '" + property + "' (" + found.size()
					+ " distinct results).");
		}
		var value = found.isEmpty() ? null : found.iterator().next();
		return cases.stream().filter(c -> c.fits().test(value)).findFirst().map(Case::actions).orElse(List.of());
	}

	@Override
	public Mono<Void> validate(JobContext context) {
		return onValidate ? Mono.defer(() -> Flux.fromIterable(chosen(context)).concatMap(a -> a.validate(context)).then())
				: Mono.empty();
	}

	@Override
	public Mono<Void> perform(JobContext context) {
		return onPerform ? Mono.defer(() -> Flux.fromIterable(chosen(context)).concatMap(a -> a.perform(context)).then())
				: Mono.empty();
	}

}
