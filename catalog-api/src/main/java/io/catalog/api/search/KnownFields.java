package io.catalog.api.search;

import java.util.Set;

import io.catalog.api.schema.FieldType;

/**
 * Which fields a search may sort and count by: the profile's own (kept from the start), and any other field the
 * kind's schema knows of a type that sorts (a string, number, date or boolean) or counts (those, and lists of
 * strings), kept once first asked for.
 */
final class KnownFields {

	private static final Set<FieldType> SORTABLE = Set.of(FieldType.STRING, FieldType.NUMBER, FieldType.INTEGER,
			FieldType.DATE, FieldType.BOOLEAN);

	private static final Set<FieldType> COUNTABLE = Set.of(FieldType.STRING, FieldType.NUMBER, FieldType.INTEGER,
			FieldType.DATE, FieldType.BOOLEAN, FieldType.STRINGS);

	private KnownFields() {
	}

	static boolean sortable(Profile profile, String field) {
		return profile.sortFields().contains(field)
				|| profile.kind().schema().typeOf(field).filter(SORTABLE::contains).isPresent();
	}

	static boolean countable(Profile profile, String field) {
		return profile.facetFields().contains(field)
				|| profile.kind().schema().typeOf(field).filter(COUNTABLE::contains).isPresent();
	}

	/** Whether the field is one the index keeps beyond its profile's, once asked for. */
	static boolean extraSort(Profile profile, String field) {
		return !profile.sortFields().contains(field);
	}

	static boolean extraFacet(Profile profile, String field) {
		return !profile.facetFields().contains(field);
	}

}
