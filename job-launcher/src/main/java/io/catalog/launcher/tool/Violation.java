package io.catalog.launcher.tool;

/**
 * Why one parameter value is refused.
 *
 * @param parameter the parameter's name, as the job gave it
 * @param reason what is wrong with it, in a sentence fragment ({@code must be at most 10})
 */
public record Violation(String parameter, String reason) {

	@Override
	public String toString() {
		return "parameter '" + parameter + "' " + reason;
	}

}
