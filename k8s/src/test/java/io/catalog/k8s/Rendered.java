package io.catalog.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * One overlay as {@code kubectl kustomize} renders it: its objects as JSON trees, with the lookups the checks share.
 * The kubectl is the system property {@code kubectl}, else the one on the PATH.
 */
record Rendered(String overlay, List<JsonNode> objects) {

	static final Path K8S = Path.of(System.getProperty("k8s.dir", ".")).toAbsolutePath().normalize();

	static final List<String> OVERLAYS = List.of("single-node", "ha");

	private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	/** The kubectl to render with, or empty (with the reason in {@link #missing()}) when there is none. */
	static Optional<Path> kubectl() {
		var named = System.getProperty("kubectl");
		if (named != null && !named.isBlank()) {
			return Optional.of(Path.of(named)).filter(Files::isExecutable);
		}
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
			.map(dir -> Path.of(dir, "kubectl"))
			.filter(Files::isExecutable)
			.findFirst();
	}

	static String missing() {
		return "kubectl is not installed (Debian: apt-get install kubernetes-client; or -Dkubectl=<path>), so the "
				+ "overlays cannot be rendered here";
	}

	static Rendered of(String overlay) {
		return CACHE.computeIfAbsent(overlay, Rendered::render);
	}

	private static Rendered render(String overlay) {
		var dir = K8S.resolve("overlays").resolve(overlay);
		try {
			var err = Files.createTempFile("kustomize", ".err");
			var process = new ProcessBuilder(kubectl().orElseThrow().toString(), "kustomize", dir.toString())
				.redirectError(err.toFile())
				.start();
			var out = process.getInputStream().readAllBytes();
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + Files.readString(err));
			}
			Files.delete(err);
			return new Rendered(overlay, parse(new String(out, java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			throw new IllegalStateException("kubectl kustomize " + dir + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Reads a stream of YAML documents, skipping empty ones. */
	static List<JsonNode> parse(String yaml) throws IOException {
		var objects = new ArrayList<JsonNode>();
		try (var parser = YAML.getFactory().createParser(yaml)) {
			var documents = YAML.readValues(parser, JsonNode.class);
			while (documents.hasNext()) {
				var document = documents.next();
				if (document != null && !document.isNull() && !document.isEmpty()) {
					objects.add(document);
				}
			}
		}
		return objects;
	}

	List<JsonNode> ofKind(String kind) {
		return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
	}

	Optional<JsonNode> find(String kind, String name) {
		return ofKind(kind).stream().filter(o -> name.equals(name(o))).findFirst();
	}

	JsonNode get(String kind, String name) {
		return find(kind, name).orElseThrow(() -> new AssertionError(overlay + ": no " + kind + " " + name));
	}

	/** Deployments and StatefulSets: the workloads whose pod templates are ours. */
	List<JsonNode> workloads() {
		return objects.stream().filter(o -> Workloads.KINDS.contains(o.path("kind").asText())).toList();
	}

	static String name(JsonNode object) {
		return object.path("metadata").path("name").asText();
	}

	static String id(JsonNode object) {
		return object.path("kind").asText() + "/" + name(object);
	}

	@Override
	public String toString() {
		return overlay;
	}

}
