package io.catalog.ingestor.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.catalog.ingestor.support.NexusFiles;

/** NexusReader over real HDF5 files written with jhdf. */
class NexusReaderTest {

	@TempDir
	Path temp;

	private Path nexusFile(Path folder) {
		return NexusFiles.write(folder.resolve("run.nxs"), 9.7, 293.15);
	}

	@Test
	void readsEnergyAndTemperatureWithUnits() {
		var metadata = NexusReader.of(null).read(nexusFile(temp));
		assertThat(metadata).containsEntry("energy", Map.of("value", 9.7, "unit", "keV"))
			.containsEntry("temperature", Map.of("value", 293.15, "unit", "K"));
	}

	@Test
	void leavesOutPathsTheFileLacks() {
		assertThat(NexusReader.of(null).read(nexusFile(temp))).doesNotContainKey("title");
	}

	@Test
	void aFileThatIsNotHdf5IsRefused() throws Exception {
		var file = Files.writeString(temp.resolve("broken.nxs"), "not hdf5");
		assertThatThrownBy(() -> NexusReader.of(null).read(file)).isInstanceOf(InvalidRunException.class)
			.hasMessageContaining("HDF5");
	}

}
