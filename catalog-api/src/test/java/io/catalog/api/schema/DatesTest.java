package io.catalog.api.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {

	@ParameterizedTest
	@CsvSource({ "2026-03-01T10:00:00Z, 2026-03-01T10:00:00Z", "2026-03-01T10:00:00.5Z, 2026-03-01T10:00:00.500Z",
			"2026-03-01T10:00:00.123456789Z, 2026-03-01T10:00:00.123Z", "2024-02-29T23:59:59.999Z, 2024-02-29T23:59:59.999Z",
			"2026-03-01T12:00:00+02:00, 2026-03-01T10:00:00Z", "2026-03-01T12:00:00+0200, 2026-03-01T10:00:00Z",
			"2026-03-01T10:00:00, 2026-03-01T10:00:00Z", "2026-03-01, 2026-03-01T00:00:00Z",
			"1969-12-31T23:59:59.999Z, 1969-12-31T23:59:59.999Z" })
	void readsEveryFormClientsSendAsTheSameInstant(String text, String instant) {
		assertThat(Dates.parse(text)).contains(Date.from(Instant.parse(instant)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-13-01T10:00:00Z", "2026-02-30T10:00:00Z", "2026-03-01T24:00:00Z", "2026-03-01T10:00:60Z",
			"2026-03-01T10:0a:00Z", "2026-03-01 10:00:00Z", "yesterday", "" })
	void refusesWhatIsNotADate(String text) {
		assertThat(Dates.parse(text)).isEmpty();
	}

}
