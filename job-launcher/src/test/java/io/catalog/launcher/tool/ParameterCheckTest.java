package io.catalog.launcher.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Parameter values checked against their types and bounds, each refusal naming its parameter. */
class ParameterCheckTest {

	private static final ToolSpec TOOL = new ToolSpec("t", "1", null, null, null, null, List.of("t"), List.of(
			new Parameter("level", ParameterType.INTEGER, null, null, 3, false, 0.0, 10.0, null, "--level", null),
			new Parameter("sigma", ParameterType.FLOAT, null, null, null, false, 0.0, null, null, null, null),
			new Parameter("mode", ParameterType.ENUMERATION, null, null, "fast", false, null, null,
					List.of("fast", "exact"), null, null),
			new Parameter("invert", ParameterType.BOOLEAN, null, null, false, false, null, null, null, null, null),
			new Parameter("source", ParameterType.FILE, null, null, null, true, null, null, null, null, 0),
			new Parameter("reference", ParameterType.DATASET, null, null, null, false, null, null, null, null, null)),
			null, null, null, false);

	private static List<Violation> violations(Map<String, Object> given) {
		try {
			ParameterCheck.resolve(TOOL, given, List.of("pid/1"));
			throw new AssertionError("accepted " + given);
		}
		catch (InvalidParametersException ex) {
			return ex.violations();
		}
	}

	@Test
	void completesTheGivenValuesWithTheDefaultsInSpecOrder() {
		var resolved = ParameterCheck.resolve(TOOL, Map.of("source", "scans/a.h5", "sigma", 1), List.of());
		assertThat(resolved).containsExactly(Map.entry("level", 3L), Map.entry("sigma", 1.0), Map.entry("mode", "fast"),
				Map.entry("invert", false), Map.entry("source", "scans/a.h5"));
	}

	@Test
	void namesANumberOutsideItsBounds() {
		assertThat(violations(Map.of("source", "a", "level", 11)))
			.containsExactly(new Violation("level", "must be at most 10, not 11"));
		assertThat(violations(Map.of("source", "a", "sigma", -0.5)))
			.containsExactly(new Violation("sigma", "must be at least 0, not -0.5"));
	}

	@Test
	void refusesAFractionForAnIntegerAndTextForANumber() {
		assertThat(violations(Map.of("source", "a", "level", 2.5, "sigma", "big"))).containsExactly(
				new Violation("level", "must be a whole number"), new Violation("sigma", "must be a finite number"));
	}

	@Test
	void refusesAValueOutsideAnEnumerationAndANonBoolean() {
		assertThat(violations(Map.of("source", "a", "mode", "slow", "invert", "yes"))).containsExactly(
				new Violation("mode", "must be one of [fast, exact]"), new Violation("invert", "must be true or false"));
	}

	@Test
	void namesAMissingRequiredParameterAndAnUnknownOne() {
		assertThat(violations(Map.of("levle", 3))).containsExactly(
				new Violation("levle", "is not a parameter of tool t"), new Violation("source", "is required"));
	}

	@Test
	void refusesPathsThatLeaveTheDataset() {
		for (var path : List.of("../etc/passwd", "/etc/passwd", "a/../../b", "")) {
			assertThat(violations(Map.of("source", path)))
				.containsExactly(new Violation("source", "must be a path inside the dataset, relative and without '..'"));
		}
	}

	@Test
	void aDatasetParameterMustNameOneOfTheJobsDatasets() {
		assertThat(violations(Map.of("source", "a", "reference", "pid/2")))
			.containsExactly(new Violation("reference", "must be the pid of one of the job's datasets [pid/1]"));
		assertThat(ParameterCheck.resolve(TOOL, Map.of("source", "a", "reference", "pid/1"), List.of("pid/1")))
			.containsEntry("reference", "pid/1");
	}

	@Test
	void theExceptionMessageNamesTheToolAndEveryParameter() {
		assertThatThrownBy(() -> ParameterCheck.resolve(TOOL, Map.of("level", -1), List.of()))
			.hasMessage("tool t: parameter 'level' must be at least 0, not -1; parameter 'source' is required");
	}

	@Test
	void findsDefaultsTheirOwnParameterRefuses() {
		var tool = new ToolSpec("t", "1", null, null, null, null, List.of("t"),
				List.of(new Parameter("n", ParameterType.INTEGER, null, null, 20, false, null, 10.0, null, null, null)),
				null, null, null, false);
		assertThat(ParameterCheck.checkDefaults(tool)).containsExactly(new Violation("n", "default must be at most 10, not 20"));
	}

}
