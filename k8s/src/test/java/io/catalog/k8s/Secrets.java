package io.catalog.k8s;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The Secrets the deployment references (none is in the repository) and those k8s/README.md tells the operator to
 * create, each with its keys.
 */
final class Secrets {

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

	private Secrets() {
	}

	/** Secret name to the keys the rendered objects read from it. */
	static Map<String, Set<String>> referenced(Rendered rendered) {
		var secrets = new TreeMap<String, Set<String>>();
		for (var ref : rendered.objects().stream().flatMap(o -> o.findValues("secretKeyRef").stream()).toList()) {
			secrets.computeIfAbsent(ref.path("name").asText(), k -> new TreeSet<>()).add(ref.path("key").asText());
		}
		for (var workload : rendered.workloads()) {
			for (var volume : HouseRulesTest.pod(workload).path("volumes")) {
				if (volume.has("secret")) {
					var keys = secrets.computeIfAbsent(volume.path("secret").path("secretName").asText(),
							k -> new TreeSet<>());
					volume.path("secret").path("items").forEach(i -> keys.add(i.path("key").asText()));
				}
			}
		}
		for (var ingress : rendered.ofKind("Ingress")) {
			ingress.path("spec").path("tls").forEach(tls -> secrets
				.computeIfAbsent(tls.path("secretName").asText(), k -> new TreeSet<>())
				.addAll(Set.of("tls.crt", "tls.key")));
		}
		for (var mongodb : rendered.ofKind("MongoDBCommunity")) {
			mongodb.path("spec").path("users").forEach(user -> secrets
				.computeIfAbsent(user.path("passwordSecretRef").path("name").asText(), k -> new TreeSet<>())
				.add(user.path("passwordSecretRef").path("key").asText("password")));
		}
		return secrets;
	}

	/** Secret name to keys, from the table under k8s/README.md's "Secrets to create". */
	static Map<String, Set<String>> documented() {
		var readme = Sources.readme();
		var start = readme.indexOf("## Secrets to create");
		if (start < 0) {
			throw new AssertionError("k8s/README.md has no section 'Secrets to create'");
		}
		var end = readme.indexOf("\n## ", start + 1);
		var section = readme.substring(start, end < 0 ? readme.length() : end);
		var secrets = new LinkedHashMap<String, Set<String>>();
		for (var line : section.split("\n")) {
			var cells = line.split("\\|");
			if (!line.startsWith("| `") || cells.length < 3) {
				continue;
			}
			var name = CODE.matcher(cells[1]);
			if (!name.find()) {
				continue;
			}
			var keys = new TreeSet<String>();
			var key = CODE.matcher(cells[2]);
			while (key.find()) {
				keys.add(key.group(1));
			}
			secrets.put(name.group(1), keys);
		}
		return secrets;
	}

}
