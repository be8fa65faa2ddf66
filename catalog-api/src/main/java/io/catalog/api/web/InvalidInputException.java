package io.catalog.api.web;

import java.util.List;

/** A request that cannot be accepted as written: answered with 400 and the fields at fault. */
public class InvalidInputException extends RuntimeException {

	private final transient List<FieldError> errors;

	public InvalidInputException(List<FieldError> errors) {
		super(summary(errors));
		this.errors = List.copyOf(errors);
	}

	public InvalidInputException(String field, String reason) {
		this(List.of(new FieldError(field, reason)));
	}

	/** A refusal of one field whose problem detail reads {@code message} (a sentence SciCat clients compare). */
	public InvalidInputException(String field, String reason, String message) {
		this(List.of(new FieldError(field, reason)), message);
	}

	/** A refusal whose problem detail reads {@code message} rather than the faults one after another. */
	public InvalidInputException(List<FieldError> errors, String message) {
		super(message);
		this.errors = List.copyOf(errors);
	}

	public List<FieldError> errors() {
		return errors;
	}

	private static String summary(List<FieldError> errors) {
		return String.join("; ", errors.stream().map(e -> e.field() + ": " + e.reason()).toList());
	}

}
