package io.catalog.api.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads SciCat's job configuration YAML ({@code configVersion}, {@code jobs: [{jobType, create: {auth, actions},
 * update: {...}}]}) into job types; a mistake (unknown action, bad schema, missing field, an action whose service
 * is not configured) fails with the file and line at fault.
 */
final class JobConfigLoader {

	private final String source;

	private final JobActions actions;

	/** The line of each mapping read, so that an action's mistake can point at it. */
	private final Map<Object, Integer> lines = new IdentityHashMap<>();

	private String configVersion;

	JobConfigLoader(String source, JobActions actions) {
		this.source = source;
		this.actions = actions;
	}

	Map<String, JobType> load(InputStream in) throws IOException {
		var root = new Yaml(new SafeConstructor(new LoaderOptions()))
			.compose(new InputStreamReader(in, StandardCharsets.UTF_8));
		var jobs = root instanceof MappingNode map ? child(map, "jobs") : null;
		if (!(jobs instanceof SequenceNode list)) {
			throw fail(root, "expected a list under 'jobs'");
		}
		if (!(child((MappingNode) root, "configVersion") instanceof ScalarNode version)) {
			throw fail(root, "configVersion is missing (any text; change it when the configuration changes)");
		}
		configVersion = version.getValue();
		var types = new LinkedHashMap<String, JobType>();
		for (var node : list.getValue()) {
			var type = type(node);
			if (types.put(type.name(), type) != null) {
				throw fail(node, "jobType " + type.name() + " is configured twice");
			}
		}
		return types;
	}

	private JobType type(Node node) {
		if (!(node instanceof MappingNode map) || !(child(map, "jobType") instanceof ScalarNode name)) {
			throw fail(node, "each job needs a jobType");
		}
		return new JobType(name.getValue(), configVersion, step(map, "create", "#jobAdmin", true),
				step(map, "update", "#jobOwnerUser", false));
	}

	private JobType.Step step(MappingNode job, String key, String defaultAuth, boolean onCreate) {
		var node = child(job, key);
		if (node == null) {
			return new JobType.Step(List.of(defaultAuth), List.of());
		}
		if (!(node instanceof MappingNode step)) {
			throw fail(node, key + " must be a mapping with auth and actions");
		}
		var auth = new ArrayList<String>();
		var authNode = child(step, "auth");
		if (authNode instanceof ScalarNode one) {
			auth.add(one.getValue());
		}
		else if (authNode instanceof SequenceNode many) {
			many.getValue().forEach(item -> auth.add(scalar(item, "auth")));
		}
		else {
			auth.add(defaultAuth);
		}
		auth.forEach(rule -> checkAuth(rule, authNode));
		var list = new ArrayList<JobType.Action>();
		if (child(step, "actions") instanceof SequenceNode items) {
			for (var item : items.getValue()) {
				try {
					list.add(actions.create(plain(item), onCreate));
				}
				catch (JobActions.ActionException ex) {
					var line = lines.get(ex.options());
					throw line == null ? fail(item, ex.getMessage())
							: new IllegalStateException("Job configuration " + source + ":" + line + ": " + ex.getMessage(), ex);
				}
			}
		}
		else if (child(step, "actions") != null && !(child(step, "actions") instanceof ScalarNode empty
				&& Tag.NULL.equals(empty.getTag()))) {
			throw fail(child(step, "actions"), key + ".actions must be a list");
		}
		return new JobType.Step(List.copyOf(auth), List.copyOf(list));
	}

	private void checkAuth(String rule, Node node) {
		if (rule.startsWith("#") && !JobPolicy.RULES.contains(rule)) {
			throw fail(node, "unknown auth " + rule + "; known: " + JobPolicy.RULES + ", @group or a user name");
		}
	}

	private String scalar(Node node, String what) {
		if (node instanceof ScalarNode scalar) {
			return scalar.getValue();
		}
		throw fail(node, what + " must be a string");
	}

	/** A node as plain maps, lists and strings; the line of each mapping is kept. */
	private Object plain(Node node) {
		if (node instanceof MappingNode map) {
			var result = new LinkedHashMap<String, Object>();
			map.getValue().forEach(tuple -> result.put(((ScalarNode) tuple.getKeyNode()).getValue(), plain(tuple.getValueNode())));
			lines.put(result, map.getStartMark().getLine() + 1);
			return result;
		}
		if (node instanceof SequenceNode list) {
			return list.getValue().stream().map(this::plain).toList();
		}
		var scalar = (ScalarNode) node;
		var tag = scalar.getTag();
		if (Tag.INT.equals(tag)) {
			return Long.valueOf(scalar.getValue());
		}
		if (Tag.FLOAT.equals(tag)) {
			return Double.valueOf(scalar.getValue());
		}
		if (Tag.BOOL.equals(tag)) {
			return Boolean.valueOf(scalar.getValue());
		}
		return Tag.NULL.equals(tag) ? null : scalar.getValue();
	}

	private static Node child(MappingNode map, String key) {
		return map.getValue().stream()
			.filter(tuple -> tuple.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue()))
			.map(tuple -> tuple.getValueNode()).findFirst().orElse(null);
	}

	private IllegalStateException fail(Node node, String message) {
		var line = node == null ? "" : ":" + (node.getStartMark().getLine() + 1);
		return new IllegalStateException("Job configuration " + source + line + ": " + message);
	}

}
