package io.catalog.k8s;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** Lookups in one container of a rendered pod template. */
final class Containers {

	private Containers() {
	}

	/** The first container of a workload (each of ours has one). */
	static JsonNode main(Rendered rendered, String kind, String name) {
		return HouseRulesTest.pod(rendered.get(kind, name)).path("containers").get(0);
	}

	/** An environment variable's literal value, if it has one. */
	static Optional<String> env(JsonNode container, String name) {
		for (var env : container.path("env")) {
			if (env.path("name").asText().equals(name)) {
				return env.has("value") ? Optional.of(env.path("value").asText()) : Optional.of("");
			}
		}
		return Optional.empty();
	}

	static Optional<JsonNode> envEntry(JsonNode container, String name) {
		for (var env : container.path("env")) {
			if (env.path("name").asText().equals(name)) {
				return Optional.of(env);
			}
		}
		return Optional.empty();
	}

	/** The container port a probe's or service's port names (or is). */
	static int port(JsonNode container, JsonNode port) {
		if (port.isInt()) {
			return port.asInt();
		}
		for (var p : container.path("ports")) {
			if (p.path("name").asText().equals(port.asText())) {
				return p.path("containerPort").asInt();
			}
		}
		throw new AssertionError("container " + container.path("name").asText() + " has no port " + port);
	}

	/** The volume mounted at a path's folder, and the file name below it. */
	static Optional<JsonNode> mountOf(JsonNode container, String folder) {
		for (var mount : container.path("volumeMounts")) {
			if (mount.path("mountPath").asText().equals(folder)) {
				return Optional.of(mount);
			}
		}
		return Optional.empty();
	}

}
