package io.catalog.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Files of the repository the deployment must agree with: the modules' application.yml, k8s/README.md. */
final class Sources {

	static final Path ROOT = Rendered.K8S.getParent();

	private Sources() {
	}

	static Optional<String> applicationYml(String module) {
		return read(ROOT.resolve(module).resolve("src/main/resources/application.yml"));
	}

	static String readme() {
		return read(Rendered.K8S.resolve("README.md")).orElseThrow(() -> new AssertionError("k8s/README.md is missing"));
	}

	static Optional<String> read(Path file) {
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			return Optional.of(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
