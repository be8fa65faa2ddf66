package io.catalog.api.job;

import java.util.regex.Pattern;

import io.catalog.api.web.InvalidInputException;

/** The e-mail addresses a job request carries, checked as SciCat's DTOs check them. */
final class JobEmails {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");

	private JobEmails() {
	}

	static void check(String field, Object value) {
		if (value != null && (!(value instanceof String text) || !EMAIL.matcher(text).matches())) {
			throw new InvalidInputException(field, field + " must be an email");
		}
	}

}
