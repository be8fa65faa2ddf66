package io.catalog.api.job;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * JavaScript-style regular expressions from a job configuration ({@code /^finished/}, {@code /error/i}): the
 * operator writes them, requests only supply the text they are matched against.
 */
final class JobRegex {

	private JobRegex() {
	}

	/** A slash-delimited expression with its flags; {@link IllegalArgumentException} if it is not one. */
	static Pattern slashDelimited(String text) {
		int last = text.lastIndexOf('/');
		if (!text.startsWith("/") || last <= 0 || !text.substring(last + 1).matches("[a-z]*")) {
			throw new IllegalArgumentException("expected a slash-delimited regex such as /^finished/i, got '" + text + "'");
		}
		return compile(text.substring(1, last), text.substring(last + 1));
	}

	/** An expression with JavaScript's flags: {@code i}, {@code m}, {@code s}; {@code g}, {@code u}, {@code y} change nothing here. */
	static Pattern compile(String regex, String flags) {
		int bits = 0;
		for (char flag : flags.toCharArray()) {
			bits |= switch (flag) {
				case 'i' -> Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
				case 'm' -> Pattern.MULTILINE;
				case 's' -> Pattern.DOTALL;
				case 'g', 'u', 'y', 'd' -> 0;
				default -> throw new IllegalArgumentException("unknown regex flag " + flag);
			};
		}
		try {
			return Pattern.compile(regex, bits);
		}
		catch (PatternSyntaxException ex) {
			throw new IllegalArgumentException("bad regex /" + regex + "/: " + ex.getDescription(), ex);
		}
	}

}
