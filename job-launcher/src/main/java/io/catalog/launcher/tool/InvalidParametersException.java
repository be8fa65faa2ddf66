package io.catalog.launcher.tool;

import java.util.List;
import java.util.stream.Collectors;

/** The parameters a job gave a tool are refused; carries every refused parameter with its reason. */
public final class InvalidParametersException extends RuntimeException {

	private final String tool;

	private final transient List<Violation> violations;

	public InvalidParametersException(String tool, List<Violation> violations) {
		super("tool " + tool + ": " + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
		this.tool = tool;
		this.violations = List.copyOf(violations);
	}

	public String tool() {
		return tool;
	}

	public List<Violation> violations() {
		return violations;
	}

}
