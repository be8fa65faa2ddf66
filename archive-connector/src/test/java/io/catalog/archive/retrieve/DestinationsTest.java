package io.catalog.archive.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a retrieve may write. */
class DestinationsTest {

	@TempDir
	Path temp;

	@Test
	void aDestinationInsideAnAllowedRootGetsAFolderPerDataset() {
		var destinations = new Destinations(List.of(temp.resolve("allowed").toString()));
		assertThat(destinations.of(temp.resolve("allowed/team").toString(), "20.500/abc", "/data/run"))
			.isEqualTo(temp.resolve("allowed/team/20.500%2Fabc"));
	}

	@Test
	void withoutADestinationTheDatasetGoesBackToItsSourceFolder() {
		assertThat(new Destinations(List.of()).of(null, "p", "/data/run42")).isEqualTo(Path.of("/data/run42"));
	}

	@Test
	void aDestinationOutsideTheRootsIsRefused() {
		var destinations = new Destinations(List.of(temp.resolve("allowed").toString()));
		assertThatThrownBy(() -> destinations.of("/etc", "p", "/data")).hasMessageContaining("not inside an allowed root");
		assertThatThrownBy(() -> destinations.of(temp.resolve("allowedness").toString(), "p", "/data"))
			.hasMessageContaining("not inside an allowed root");
	}

	@Test
	void pathTraversalAndRelativePathsAreRefused() {
		var destinations = new Destinations(List.of(temp.resolve("allowed").toString()));
		assertThatThrownBy(() -> destinations.of(temp.resolve("allowed") + "/../etc", "p", "/data"))
			.hasMessageContaining("contains ..");
		assertThatThrownBy(() -> destinations.of("allowed/x", "p", "/data")).hasMessageContaining("not absolute");
		assertThatThrownBy(() -> destinations.of(null, "p", "/data/../etc")).hasMessageContaining("contains ..");
	}

	@Test
	void aSymbolicLinkOutOfTheRootIsRefused() throws IOException {
		var allowed = Files.createDirectories(temp.resolve("allowed"));
		Files.createSymbolicLink(allowed.resolve("out"), Files.createDirectories(temp.resolve("outside")));
		var destinations = new Destinations(List.of(allowed.toString()));
		assertThatThrownBy(() -> destinations.of(allowed.resolve("out/x").toString(), "p", "/data"))
			.hasMessageContaining("symbolic link");
	}

	@Test
	void withoutAllowedRootsEveryDestinationIsRefused() {
		assertThatThrownBy(() -> new Destinations(List.of()).of("/tmp/x", "p", "/data"))
			.isInstanceOf(Destinations.RefusedException.class);
	}

}
