package io.catalog.api.dataset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.catalog.api.web.FieldError;
import io.catalog.api.web.InvalidInputException;

/**
 * SciCat's v3 dataset routes answer a refused body with its validator's faults as JSON in {@code message}
 * ({@code [{"property": ..., "constraints": {"isString": "... must be a string"}}]}), which v3 clients search for
 * field and rule names; the problem's {@code errors} still list each field and reason.
 */
final class ClassValidatorMessage {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private ClassValidatorMessage() {
	}

	static Throwable of(Throwable error) {
		if (!(error instanceof InvalidInputException refused)) {
			return error;
		}
		var faults = refused.errors().stream().map(fault -> {
			var entry = new LinkedHashMap<String, Object>();
			entry.put("property", fault.field());
			entry.put("constraints", Map.of(rule(fault), fault.field() + " " + fault.reason()));
			return entry;
		}).toList();
		try {
			return new InvalidInputException(refused.errors(), MAPPER.writeValueAsString(faults));
		}
		catch (JsonProcessingException ex) {
			return error;
		}
	}

	/** The name class-validator gives the rule a fault breaks. */
	private static String rule(FieldError fault) {
		var reason = fault.reason();
		for (var rule : List.of(List.of("a string", "isString"), List.of("an integer", "isInt"),
				List.of("a number", "isNumber"), List.of("a boolean", "isBoolean"), List.of("date", "isDateString"),
				List.of("email", "isEmail"), List.of("array", "isArray"), List.of("an object", "isObject"),
				List.of("should not exist", "whitelistValidation"))) {
			if (reason.contains(rule.get(0))) {
				return rule.get(1);
			}
		}
		return "isValid";
	}

}
