package io.catalog.api.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.catalog.api.web.InvalidInputException;

class QuantitiesTest {

	@SuppressWarnings("unchecked")
	private static Map<String, Object> entry(Map<String, Object> metadata, String key) {
		return (Map<String, Object>) metadata.get(key);
	}

	private static Map<String, Object> normalised(String key, Object value, String unit) {
		return entry(Quantities.normalise(Map.of(key, Map.of("value", value, "unit", unit))).metadata(), key);
	}

	@Test
	void kiloElectronVoltsBecomeJoules() {
		var energy = normalised("energy", 9.7, "keV");
		assertThat(energy).containsEntry("unitSI", "J").containsEntry("value", 9.7).containsEntry("unit", "keV");
		assertThat((Double) energy.get("valueSI")).isCloseTo(9.7e3 * 1.602176634e-19, within(1e-25));
	}

	@Test
	void angstromsBecomeMetres() {
		var wavelength = normalised("wavelength", 1.54, "Å");
		assertThat(wavelength).containsEntry("unitSI", "m");
		assertThat((Double) wavelength.get("valueSI")).isCloseTo(1.54e-10, within(1e-20));
	}

	@Test
	void celsiusBecomesKelvin() {
		assertThat((Double) normalised("temperature", 25, "°C").get("valueSI")).isCloseTo(298.15, within(1e-9));
	}

	@Test
	void millibarsBecomePascals() {
		var pressure = normalised("pressure", 2, "mbar");
		assertThat(pressure).containsEntry("unitSI", "Pa");
		assertThat((Double) pressure.get("valueSI")).isCloseTo(200.0, within(1e-9));
	}

	@Test
	void degreesBecomeRadians() {
		assertThat((Double) normalised("angle", 180, "deg").get("valueSI")).isCloseTo(Math.PI, within(1e-12));
	}

	@Test
	void beamlineUnitsAllHaveAnSiValue() {
		for (String unit : new String[] { "eV", "keV", "Å", "nm", "mm", "deg", "mrad", "K", "°C", "bar", "mbar", "Pa",
				"T", "Hz", "s", "counts", "MHz", "µm", "um", "GeV", "ms" }) {
			assertThat(normalised("x", 1, unit)).as(unit).containsKey("valueSI").containsKey("unitSI");
		}
	}

	@Test
	void countsAreDimensionless() {
		assertThat(normalised("frames", 100, "counts")).containsEntry("unitSI", "").containsEntry("valueSI", 100.0);
	}

	@Test
	void olderShortKeysAreNormalisedToo() {
		var entry = entry(Quantities.normalise(Map.of("e", Map.of("v", 2, "u", "nm"))).metadata(), "e");
		assertThat(entry).containsEntry("unitSI", "m").containsEntry("v", 2);
		assertThat((Double) entry.get("valueSI")).isCloseTo(2e-9, within(1e-18));
	}

	@Test
	void unknownUnitKeepsItsValueWithoutSiAndIsReported() {
		var result = Quantities.normalise(Map.of("distance", Map.of("value", 3, "unit", "furlong")));
		assertThat(entry(result.metadata(), "distance")).containsEntry("value", 3).doesNotContainKey("valueSI");
		assertThat(result.unknownUnits()).containsExactly("furlong");
	}

	@Test
	void nestedQuantitiesAreNormalised() {
		var result = Quantities.normalise(Map.of("detector", Map.of("distance", Map.of("value", 5, "unit", "mm"))));
		assertThat(entry(entry(result.metadata(), "detector"), "distance")).containsEntry("valueSI", 0.005);
	}

	@Test
	void fieldOfABodyIsReplacedByItsNormalisedCopy() {
		var body = new LinkedHashMap<String, Object>(Map.of("scientificMetadata", Map.of("t", Map.of("value", 1, "unit", "s"))));
		assertThat(Quantities.normaliseField(body, "scientificMetadata")).isEmpty();
		assertThat(entry(entry(body, "scientificMetadata"), "t")).containsEntry("valueSI", 1.0);
	}

	@Test
	void aHugePowerIsRefusedNamingItsFieldBeforeIndriyaSeesIt() {
		var body = new LinkedHashMap<String, Object>(Map.of("scientificMetadata",
				Map.of("beam", Map.of("area", Map.of("value", 1, "unit", "m^30000")))));
		assertThatThrownBy(() -> Quantities.normaliseField(body, "scientificMetadata"))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.errors().get(0).field())
				.isEqualTo("scientificMetadata.beam.area.unit"));
	}

	@Test
	void aUnitWithALineBreakIsRefused() {
		assertThatThrownBy(() -> Quantities.normalise(Map.of("t", Map.of("value", 1, "unit", "s\r\nINFO forged"))))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("scientificMetadata.t.unit");
	}

	@Test
	void aLongUnitIsRefused() {
		assertThatThrownBy(() -> Quantities.normalise(Map.of("t", Map.of("value", 1, "unit", "x".repeat(100_000)))))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("at most " + UnitSymbols.MAX_LENGTH);
	}

	@Test
	void atMostSixteenUnknownUnitsAreReported() {
		var metadata = new LinkedHashMap<String, Object>();
		for (int i = 0; i < 100; i++) {
			metadata.put("k" + i, Map.of("value", i, "unit", "furlong" + i));
		}
		assertThat(Quantities.normalise(metadata).unknownUnits()).hasSize(Quantities.MAX_REPORTED);
	}

}
