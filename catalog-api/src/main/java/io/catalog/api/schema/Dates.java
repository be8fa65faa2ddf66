package io.catalog.api.schema;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the ISO-8601 date strings clients send (with or without zone or time) as instants. */
public final class Dates {

	private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static final Pattern OFFSET = Pattern.compile(".*[+-]\\d\\d:?\\d\\d$");

	private static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile("([+-]\\d\\d)(\\d\\d)$");

	private Dates() {
	}

	/** The first instant a stored date may name: year 1. */
	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	/** The last: the end of year 9999, past which the ISO-8601 form of a date needs a sign. */
	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

	/** The instant the text names, if it names one between year 1 and year 9999. */
	public static Optional<Date> parse(String text) {
		return parseAny(text).filter(date -> !date.toInstant().isBefore(EARLIEST) && !date.toInstant().isAfter(LATEST));
	}

	private static Optional<Date> parseAny(String text) {
		try {
			var utc = utc(text);
			if (utc != null) {
				return Optional.of(utc);
			}
			if (text.length() <= 10) {
				return Optional.of(Date.from(LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC)));
			}
			if (text.endsWith("Z") || OFFSET.matcher(text).matches()) {
				var offset = OFFSET_WITHOUT_COLON.matcher(text).replaceFirst("$1:$2");
				return Optional.of(Date.from(OffsetDateTime.parse(offset).toInstant()));
			}
			return Optional.of(Date.from(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC)));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The common form read without a formatter (file lists carry one date per file):
	 * {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}; anything else answers null, for the general reading.
	 */
	private static Date utc(String text) {
		int length = text.length();
		if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
				|| text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
			return null;
		}
		int millis = 0;
		if (length > 20) {
			if (text.charAt(19) != '.' || length == 21) {
				return null;
			}
			for (int i = 20, scale = 100; i < length - 1; i++, scale /= 10) {
				int digit = text.charAt(i) - '0';
				if (digit < 0 || digit > 9) {
					return null;
				}
				millis += digit * scale;
			}
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 2);
		int day = digits(text, 8, 2);
		int hour = digits(text, 11, 2);
		int minute = digits(text, 14, 2);
		int second = digits(text, 17, 2);
		if ((year | month | day | hour | minute | second) < 0) {
			return null;
		}
		long seconds = LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC);
		return new Date(seconds * 1000 + millis);
	}

	/** The number written in {@code count} digits from {@code at}, or -1. */
	private static int digits(String text, int at, int count) {
		int value = 0;
		for (int i = at; i < at + count; i++) {
			int digit = text.charAt(i) - '0';
			if (digit < 0 || digit > 9) {
				return -1;
			}
			value = value * 10 + digit;
		}
		return value;
	}

	public static String format(Date date) {
		return ISO_MILLIS.format(Instant.ofEpochMilli(date.getTime()));
	}

}
