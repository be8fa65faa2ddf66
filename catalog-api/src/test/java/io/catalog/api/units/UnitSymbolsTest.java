package io.catalog.api.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnitSymbolsTest {

	@Test
	void convertsToSiAndBack() {
		var kev = UnitSymbols.parse("keV").orElseThrow();
		double joules = UnitSymbols.toSI(kev, 9.7);
		assertThat(UnitSymbols.fromSI(kev, joules)).isCloseTo(9.7, within(1e-12));
		assertThat(UnitSymbols.fromSI(UnitSymbols.parse("eV").orElseThrow(), joules)).isCloseTo(9700, within(1e-8));
	}

	@Test
	void angstromAndNanometreShareADimension() {
		var angstrom = UnitSymbols.parse("Å").orElseThrow();
		var nanometre = UnitSymbols.parse("nm").orElseThrow();
		assertThat(UnitSymbols.compatible(angstrom, nanometre)).isTrue();
		assertThat(UnitSymbols.fromSI(nanometre, UnitSymbols.toSI(angstrom, 10))).isCloseTo(1.0, within(1e-12));
	}

	@Test
	void energyAndLengthAreIncompatible() {
		assertThat(UnitSymbols.compatible(UnitSymbols.parse("keV").orElseThrow(), UnitSymbols.parse("mm").orElseThrow()))
			.isFalse();
	}

	@Test
	void unknownSymbolReadsAsEmpty() {
		assertThat(UnitSymbols.parse("furlong")).isEmpty();
		assertThat(UnitSymbols.parse(" ")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "m^999999999", "m^30000", "m^31", "m^16*s^16", "m^2^3", "(m^20)^20", "m^-99999999999",
			"m\u2079\u2079" })
	void hugePowersAreRefusedBeforeIndriyaSeesThem(String symbol) {
		assertThat(UnitSymbols.refusal(symbol)).isPresent();
		assertThat(UnitSymbols.parse(symbol)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "m^2", "m^-3", "kg*m^2/s^3", "m\u00B2", "J/m^3", "cm^-1", "counts/s" })
	void ordinaryPowersAreRead(String symbol) {
		assertThat(UnitSymbols.refusal(symbol)).isEmpty();
		assertThat(UnitSymbols.parse(symbol)).isPresent();
	}

	@Test
	void controlCharactersAndLongSymbolsAreRefused() {
		assertThat(UnitSymbols.refusal("m\r\ns")).isPresent();
		assertThat(UnitSymbols.refusal("m".repeat(UnitSymbols.MAX_LENGTH + 1))).isPresent();
	}

	@Test
	void theCacheOfParsedSymbolsStaysBounded() {
		for (int i = 0; i < UnitSymbols.MAX_CACHED * 3; i++) {
			UnitSymbols.parse("unknown" + i);
		}
		UnitSymbols.cleanUp();
		assertThat(UnitSymbols.cached()).isLessThanOrEqualTo(UnitSymbols.MAX_CACHED);
	}

}
