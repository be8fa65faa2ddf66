package io.catalog.launcher.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tool files in JSON, YAML and Slicer XML, and the refusals of bad ones naming the file. */
class ToolReaderTest {

	private static final Path TOOLS = Path.of("src/test/resources/tools");

	private final ToolReader reader = new ToolReader();

	@TempDir
	Path dir;

	@Test
	void readsAJsonToolWithItsParametersAndResources() {
		var tool = reader.read(TOOLS.resolve("file-stats.json"));
		assertThat(tool.name()).isEqualTo("file-stats");
		assertThat(tool.parameters()).extracting(Parameter::name).containsExactly("pattern", "top");
		assertThat(tool.parameter("top").orElseThrow().maximum()).isEqualTo(10000.0);
		assertThat(tool.resources()).isEqualTo(new Resources(1, "128MB", 0, Duration.ofMinutes(2)));
		assertThat(tool.resources().memoryBytes()).isEqualTo(128L * 1024 * 1024);
		assertThat(tool.inputs()).containsExactly(new Port("data", "dataset", "the dataset's folder", null, null));
	}

	@Test
	void aYamlToolTakesItsParametersAndVersionFromTheExecutionModelItNames() {
		var tool = reader.read(TOOLS.resolve("threshold.yaml"));
		assertThat(tool.version()).isEqualTo("1.2.0");
		assertThat(tool.title()).isEqualTo("Threshold");
		assertThat(tool.parameters()).extracting(Parameter::name).containsExactly("level", "sigma", "invert", "mode",
				"source");
		assertThat(tool.outputs()).extracting(Port::name).containsExactly("result");
		assertThat(tool.software()).containsExactly("threshold@1.2.0", "registry.example/tools/threshold:1.2.0@"
				+ "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
	}

	@Test
	void aBareExecutionModelIsAToolNamedAfterItsFileRunningThatProgram() throws IOException {
		var file = Files.copy(TOOLS.resolve("threshold.xml"), dir.resolve("Threshold.xml"));
		var tool = reader.read(file);
		assertThat(tool.name()).isEqualTo("threshold");
		assertThat(tool.command()).containsExactly("Threshold");
		assertThat(tool.parameters()).hasSize(5);
	}

	@Test
	void refusesAMisspeltKeyNamingTheFile() throws IOException {
		var file = Files.writeString(dir.resolve("bad.yaml"), "name: bad\nversion: 1\ncommand: [x]\nparamters: []\n");
		assertThatThrownBy(() -> reader.read(file)).hasMessageStartingWith("tool file " + file + ": ")
			.hasMessageContaining("paramters");
	}

	@Test
	void refusesADefaultItsOwnBoundsRefuse() throws IOException {
		var file = Files.writeString(dir.resolve("bad.yaml"), """
				name: bad
				version: "1"
				command: [x]
				parameters:
				  - {name: n, type: integer, default: 20, maximum: 10}
				""");
		assertThatThrownBy(() -> reader.read(file)).hasMessageContaining("parameter 'n' default must be at most 10, not 20");
	}

	@Test
	void refusesAnUnknownParameterTypeListingTheTypes() throws IOException {
		var file = Files.writeString(dir.resolve("bad.json"), """
				{"name": "bad", "version": "1", "command": ["x"], "parameters": [{"name": "n", "type": "colour"}]}""");
		assertThatThrownBy(() -> reader.read(file)).hasMessageContaining("unknown parameter type 'colour'")
			.hasMessageContaining("integer");
	}

	@Test
	void refusesAParameterNamedAsWhatTheLauncherFillsIn() throws IOException {
		var file = Files.writeString(dir.resolve("bad.json"), """
				{"name": "bad", "version": "1", "command": ["x"], "parameters": [{"name": "output", "type": "string"}]}""");
		assertThatThrownBy(() -> reader.read(file)).hasMessageContaining("'output' is reserved for the launcher");
	}

	@Test
	void theCatalogSkipsAnExecutionModelThatAToolFileNames() {
		var catalog = ToolCatalog.load(List.of(TOOLS));
		assertThat(catalog.all()).extracting(ToolSpec::name).containsExactly("file-stats", "threshold");
	}

	@Test
	void theCatalogRefusesTwoToolsOfOneName() throws IOException {
		Files.copy(TOOLS.resolve("file-stats.json"), dir.resolve("a.json"));
		Files.copy(TOOLS.resolve("file-stats.json"), dir.resolve("b.json"));
		assertThatThrownBy(() -> ToolCatalog.load(List.of(dir))).hasMessage("two tools are named file-stats");
	}

}
