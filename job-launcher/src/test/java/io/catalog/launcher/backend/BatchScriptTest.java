package io.catalog.launcher.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.catalog.launcher.tool.Resources;

/** The batch script: arguments and environment quoted so no value is shell syntax, the exit code kept. */
class BatchScriptTest {

	@TempDir
	Path dir;

	private RunSpec run(Map<String, String> environment) {
		return new RunSpec("job-0", List.of(), environment, List.of(), dir.resolve("output"), dir.resolve("stdout.log"),
				dir.resolve("stderr.log"), Resources.DEFAULT, false, null);
	}

	@Test
	void theScriptRunsTheCommandWithItsArgumentsUntouchedAndKeepsTheExitCode() throws Exception {
		Files.createDirectories(dir.resolve("output"));
		var script = Files.writeString(dir.resolve("run.sh"), BatchScript.of(run(Map.of("PARAM_LABEL", "it's $HOME")),
				List.of("/bin/sh", "-c", "printf '%s|%s\\n' \"$1\" \"$PARAM_LABEL\"; exit 5", "sh", "a'b; $(true) `x`"),
				dir.resolve("exitcode")));
		var process = new ProcessBuilder("/bin/sh", script.toString()).redirectErrorStream(true).start();
		var said = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor()).isEqualTo(5);
		assertThat(said).isEqualTo("a'b; $(true) `x`|it's $HOME\n");
		assertThat(dir.resolve("exitcode")).hasContent("5\n");
	}

	@Test
	void refusesAnEnvironmentNameThatIsNoShellName() {
		assertThatThrownBy(() -> BatchScript.of(run(Map.of("A-B", "x")), List.of("/bin/true"), dir.resolve("exitcode")))
			.isInstanceOf(LaunchException.class).hasMessage("environment variable name A-B is not valid");
	}

	@Test
	void quotesSingleQuotes() throws IOException {
		assertThat(BatchScript.quote("it's")).isEqualTo("'it'\\''s'");
	}

}
