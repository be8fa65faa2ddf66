package io.catalog.k8s;

import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/** The overlays to check, each rendered once; skipped with the reason where no kubectl is installed. */
final class Overlays {

	private Overlays() {
	}

	static Stream<Rendered> all() {
		Assumptions.assumeTrue(Rendered.kubectl().isPresent(), Rendered.missing());
		return Rendered.OVERLAYS.stream().map(Rendered::of);
	}

	static Rendered named(String overlay) {
		Assumptions.assumeTrue(Rendered.kubectl().isPresent(), Rendered.missing());
		return Rendered.of(overlay);
	}

}
