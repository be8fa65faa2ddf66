package io.catalog.launcher.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Command lines and environments built from tool specs and checked values. */
class InvocationTest {

	private static final Path DATA = Path.of("/data/run42");

	private static final Path OUT = Path.of("/work/job/run-0/output");

	@Test
	void buildsASlicerCommandLineFlagsThenPositionalsByIndex() {
		var tool = new ToolReader().read(Path.of("src/test/resources/tools/threshold.yaml"));
		var values = ParameterCheck.resolve(tool, Map.of("source", "scans/a.h5", "invert", true), List.of());
		var invocation = Invocation.of(tool, values, "pid/1", DATA, Map.of("pid/1", DATA), OUT);
		assertThat(invocation.argv()).containsExactly("/bin/sh", "-c", "echo threshold \"$@\" > \"$OUTPUT_DIR/args.txt\"",
				"threshold", "--level", "3", "-s", "0.5", "--invert", "--mode", "fast", "/data/run42/scans/a.h5",
				"/work/job/run-0/output/result");
		assertThat(invocation.environment()).containsEntry("PARAM_LEVEL", "3").containsEntry("PARAM_SOURCE",
				"/data/run42/scans/a.h5").containsEntry("INPUT_DIR", "/data/run42").containsEntry("OUTPUT_DIR", OUT.toString())
			.containsEntry("DATASET_PID", "pid/1");
	}

	@Test
	void aFalseBooleanFlagIsLeftOut() {
		var tool = new ToolReader().read(Path.of("src/test/resources/tools/threshold.yaml"));
		var values = ParameterCheck.resolve(tool, Map.of("source", "a.h5"), List.of());
		assertThat(Invocation.of(tool, values, "p", DATA, Map.of("p", DATA), OUT).argv()).doesNotContain("--invert");
	}

	@Test
	void onlyAWholeArgumentPlaceholderIsReplacedSoNoValueBecomesShellSyntax() {
		var tool = new ToolSpec("t", "1", null, null, null, null, List.of("/bin/sh", "-c", "echo ${label}", "sh", "${label}",
				"${input}", "${output}"), List.of(Parameter.of("label", ParameterType.STRING)), null, null, null, false);
		var values = ParameterCheck.resolve(tool, Map.of("label", "x; rm -rf /"), List.of());
		assertThat(Invocation.of(tool, values, "p", DATA, Map.of("p", DATA), OUT).argv()).containsExactly("/bin/sh", "-c",
				"echo ${label}", "sh", "x; rm -rf /", "/data/run42", "/work/job/run-0/output");
	}

	@Test
	void aDatasetParameterBecomesThatDatasetsFolder() {
		var tool = new ToolSpec("t", "1", null, null, null, null, List.of("cmp", "${input}", "${reference}"),
				List.of(Parameter.of("reference", ParameterType.DATASET)), null, null, null, false);
		var other = Path.of("/data/run41");
		var values = ParameterCheck.resolve(tool, Map.of("reference", "pid/0"), List.of("pid/0", "pid/1"));
		assertThat(Invocation.of(tool, values, "pid/1", DATA, Map.of("pid/0", other, "pid/1", DATA), OUT).argv())
			.containsExactly("cmp", "/data/run42", "/data/run41");
	}

}
