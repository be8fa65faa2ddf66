package io.catalog.k8s;

import org.junit.jupiter.api.Assumptions;

/** The overlays to check, each rendered once; skipped with the reason where no kubectl is installed. */
final class Overlays {

	private Overlays() {
	}

	static Rendered named(String overlay) {
		Assumptions.assumeTrue(Rendered.kubectl().isPresent(), Rendered.missing());
		return Rendered.of(overlay);
	}

}
