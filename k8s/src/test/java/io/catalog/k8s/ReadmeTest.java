package io.catalog.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * k8s/README.md names every Secret the manifests' sources refer to, so an operator can create them all; this one
 * needs no kubectl.
 */
class ReadmeTest {

	private static final Pattern SECRET = Pattern.compile(
			"(?:secretKeyRef:\\s*\\n\\s*name:|secretName:|passwordSecretRef:\\s*\\n\\s*name:)\\s*([a-z0-9-]+)");

	@Test
	void documentsEverySecretTheManifestsReferTo() throws IOException {
		var named = new TreeSet<String>();
		try (var files = Files.walk(Rendered.K8S)) {
			for (var file : files.filter(f -> f.toString().endsWith(".yaml"))
				.filter(f -> !f.startsWith(Rendered.K8S.resolve("target")))
				.toList()) {
				var matcher = SECRET.matcher(Files.readString(file));
				while (matcher.find()) {
					named.add(matcher.group(1));
				}
			}
		}
		assertThat(named).contains("catalog-jwt", "catalog-tls", "catalog-mongodb-password");
		assertThat(Secrets.documented().keySet()).containsAll(named);
	}

}
