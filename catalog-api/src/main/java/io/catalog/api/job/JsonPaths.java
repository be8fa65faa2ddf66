package io.catalog.api.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The part of JSONPath that SciCat's job configurations use to point into a request, a job or a dataset:
 * {@code $} (the whole value), dotted names ({@code jobParams.datasetList}, optionally after {@code $.}),
 * {@code [*]} (every item or value), {@code [2]} (one item) and {@code ['name']}. Evaluated over plain maps and lists;
 * a path that finds nothing gives an empty list.
 */
final class JsonPaths {

	private JsonPaths() {
	}

	/** The path's steps; {@link IllegalArgumentException} names what it cannot read. */
	static List<String> parse(String path) {
		var steps = new ArrayList<String>();
		var rest = path.trim();
		if (rest.startsWith("$")) {
			rest = rest.substring(1);
		}
		int i = 0;
		while (i < rest.length()) {
			char c = rest.charAt(i);
			if (c == '.') {
				i++;
			}
			else if (c == '[') {
				int end = rest.indexOf(']', i);
				if (end < 0) {
					throw new IllegalArgumentException("unclosed [ in path " + path);
				}
				var inside = rest.substring(i + 1, end).trim();
				if (inside.length() >= 2 && (inside.startsWith("'") && inside.endsWith("'")
						|| inside.startsWith("\"") && inside.endsWith("\""))) {
					inside = inside.substring(1, inside.length() - 1);
				}
				else if (!"*".equals(inside) && !inside.matches("\\d+")) {
					throw new IllegalArgumentException("path " + path + ": only [*], [n] and ['name'] are supported");
				}
				steps.add(inside.equals("*") ? "*" : inside);
				i = end + 1;
			}
			else {
				int end = i;
				while (end < rest.length() && rest.charAt(end) != '.' && rest.charAt(end) != '[') {
					end++;
				}
				steps.add(rest.substring(i, end));
				i = end;
			}
		}
		return List.copyOf(steps);
	}

	/** Every value the path finds in the root. */
	static List<Object> find(List<String> steps, Object root) {
		List<Object> current = new ArrayList<>();
		current.add(root);
		for (var step : steps) {
			var next = new ArrayList<Object>();
			for (var value : current) {
				collect(step, value, next);
			}
			current = next;
		}
		return current;
	}

	private static void collect(String step, Object value, List<Object> into) {
		if ("*".equals(step)) {
			if (value instanceof Map<?, ?> map) {
				into.addAll(map.values());
			}
			else if (value instanceof List<?> list) {
				into.addAll(list);
			}
		}
		else if (value instanceof Map<?, ?> map) {
			if (map.containsKey(step)) {
				into.add(map.get(step));
			}
		}
		else if (value instanceof List<?> list && step.matches("\\d+")) {
			int index = Integer.parseInt(step);
			if (index < list.size()) {
				into.add(list.get(index));
			}
		}
	}

}
