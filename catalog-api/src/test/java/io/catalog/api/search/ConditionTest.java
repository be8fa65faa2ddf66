package io.catalog.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.catalog.api.units.Quantities;
import io.catalog.api.web.InvalidInputException;

class ConditionTest {

	private static final IndexedDocument.Leaf ENERGY = leaf(9.7, "keV");

	private static IndexedDocument.Leaf leaf(Object value, String unit) {
		var normalised = Quantities.normalise(Map.of("k", Map.of("value", value, "unit", unit))).metadata();
		@SuppressWarnings("unchecked")
		var entry = (Map<String, Object>) normalised.get("k");
		return new IndexedDocument.Leaf(value, unit, (Double) entry.get("valueSI"), (String) entry.get("unitSI"), null);
	}

	private static Condition condition(String relation, Object rhs, String unit) {
		var json = new HashMap<String, Object>(Map.of("lhs", "energy", "relation", relation, "rhs", rhs));
		if (unit != null) {
			json.put("unit", unit);
		}
		return Condition.parse(json, 0);
	}

	@Test
	void equalToNumericComparesInSi() {
		assertThat(condition("EQUAL_TO_NUMERIC", 9700, "eV").matches(ENERGY)).isTrue();
		assertThat(condition("EQUAL_TO_NUMERIC", 9.8, "keV").matches(ENERGY)).isFalse();
	}

	@Test
	void greaterThanIsStrict() {
		assertThat(condition("GREATER_THAN", 9, "keV").matches(ENERGY)).isTrue();
		assertThat(condition("GREATER_THAN", 9.7, "keV").matches(ENERGY)).isFalse();
	}

	@Test
	void lessThanIsStrict() {
		assertThat(condition("LESS_THAN", 10000, "eV").matches(ENERGY)).isTrue();
		assertThat(condition("LESS_THAN", 9.7, "keV").matches(ENERGY)).isFalse();
	}

	@Test
	void greaterThanOrEqualIncludesTheBound() {
		assertThat(condition("GREATER_THAN_OR_EQUAL", 9.7, "keV").matches(ENERGY)).isTrue();
		assertThat(condition("GREATER_THAN_OR_EQUAL", 9.71, "keV").matches(ENERGY)).isFalse();
	}

	@Test
	void lessThanOrEqualIncludesTheBound() {
		assertThat(condition("LESS_THAN_OR_EQUAL", 9.7, "keV").matches(ENERGY)).isTrue();
		assertThat(condition("LESS_THAN_OR_EQUAL", 9.69, "keV").matches(ENERGY)).isFalse();
	}

	@Test
	void rangeLeavesItsBoundsOutInAnyCompatibleUnit() {
		assertThat(condition("RANGE", List.of(9000, 10000), "eV").matches(ENERGY)).isTrue();
		assertThat(condition("RANGE", List.of(9.8, 10), "keV").matches(ENERGY)).isFalse();
		assertThat(condition("RANGE", List.of(9700, 10000), "eV").matches(ENERGY)).isFalse();
		assertThat(condition("RANGE", List.of(9, 9.7), "keV").matches(ENERGY)).isFalse();
	}

	@Test
	void withoutUnitNumbersCompareAsWritten() {
		assertThat(condition("GREATER_THAN", 9, null).matches(ENERGY)).isTrue();
		assertThat(condition("GREATER_THAN", 9000, null).matches(ENERGY)).isFalse();
	}

	@Test
	void equalToStringMatchesTheWholeValue() {
		var sample = new IndexedDocument.Leaf("silicon wafer", null, null, null, null);
		assertThat(condition("EQUAL_TO_STRING", "silicon wafer", null).matches(sample)).isTrue();
		assertThat(condition("EQUAL_TO_STRING", "silicon", null).matches(sample)).isFalse();
	}

	@Test
	void containsStringIgnoresCase() {
		var sample = new IndexedDocument.Leaf("Silicon wafer", null, null, null, null);
		assertThat(condition("CONTAINS_STRING", "silicon", null).matches(sample)).isTrue();
		assertThat(condition("CONTAINS_STRING", "gold", null).matches(sample)).isFalse();
	}

	@Test
	void unitOfAnotherDimensionNeverMatches() {
		assertThat(condition("GREATER_THAN", 1, "mm").matches(ENERGY)).isFalse();
	}

	@Test
	void unknownRelationIsRefused() {
		assertThatThrownBy(() -> condition("BIGGER", 1, null)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("relation");
	}

	@Test
	void nonNumericRhsIsRefusedForNumericRelations() {
		assertThatThrownBy(() -> condition("GREATER_THAN", "lots", "keV")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("rhs");
	}

	@Test
	void unknownConditionUnitIsRefused() {
		assertThatThrownBy(() -> condition("GREATER_THAN", 1, "furlong")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("unit");
	}

	@Test
	void rangeNeedsTwoBounds() {
		assertThatThrownBy(() -> condition("RANGE", List.of(1), "keV")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("RANGE");
	}

	@Test
	void aHugePowerInTheConditionsUnitIsRefusedNamingTheField() {
		assertThatThrownBy(() -> condition("GREATER_THAN", 1, "m^999999999"))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.errors().get(0).field())
				.isEqualTo("fields.scientific[0].unit"));
	}

}
