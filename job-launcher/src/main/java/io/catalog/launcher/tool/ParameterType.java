package io.catalog.launcher.tool;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The type of a tool parameter, written in lower case in specs and in the HTTP API. */
public enum ParameterType {

	/** A whole number (a JSON number without fraction). */
	INTEGER,
	/** A finite floating-point number. */
	FLOAT,
	/** {@code true} or {@code false}. */
	BOOLEAN,
	/** One of the parameter's {@code values}. */
	ENUMERATION,
	/** Free text. */
	STRING,
	/** A file inside the input dataset, as a path relative to its folder. */
	FILE,
	/** A folder inside the input dataset, as a path relative to its folder. */
	DIRECTORY,
	/** A dataset of the job, by pid; the tool sees its folder. */
	DATASET;

	@JsonValue
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The type named {@code id} (case-insensitive); {@code IllegalArgumentException} listing the types otherwise. */
	@JsonCreator
	public static ParameterType of(String id) {
		return Arrays.stream(values()).filter(type -> type.id().equalsIgnoreCase(id)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown parameter type '" + id + "', not one of "
					+ Arrays.stream(values()).map(ParameterType::id).toList()));
	}

	/** Whether values of this type name a path inside a dataset. */
	public boolean isPath() {
		return this == FILE || this == DIRECTORY;
	}

}
