package io.catalog.api.document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;

/** Reads the ISO-8601 date strings clients send (with or without zone or time) as instants. */
public final class Dates {

	private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private Dates() {
	}

	public static Optional<Date> parse(String text) {
		try {
			if (text.length() <= 10) {
				return Optional.of(Date.from(LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC)));
			}
			if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
				return Optional.of(Date.from(OffsetDateTime.parse(text.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2")).toInstant()));
			}
			return Optional.of(Date.from(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC)));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	public static String format(Date date) {
		return ISO_MILLIS.format(Instant.ofEpochMilli(date.getTime()));
	}

}
