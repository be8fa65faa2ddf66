package io.catalog.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

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

}
