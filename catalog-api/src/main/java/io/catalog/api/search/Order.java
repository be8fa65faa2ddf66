package io.catalog.api.search;

import java.util.Comparator;
import java.util.List;

import io.catalog.api.web.InvalidInputException;

/**
 * The order of a page: a sort field and its direction, SciCat's {@code "field:asc"}; documents without the field
 * come last. Documents alike in the field come as created (as MongoDB answers them), then by id.
 *
 * @param field the sort field
 * @param descending whether the largest comes first
 */
record Order(String field, boolean descending) {

	/** The creation stamp every document has. */
	static final String CREATED = "createdAt";

	static Order parse(String text, Profile profile) {
		var parts = text.trim().split("[:\\s]+");
		var field = parts[0];
		if (!KnownFields.sortable(profile, field)) {
			throw new InvalidInputException("limits.order", "cannot sort by " + field
					+ "; sorts by a string, number, date or boolean field of " + profile.collection());
		}
		boolean descending = parts.length > 1 && parts[1].equalsIgnoreCase("desc");
		if (parts.length > 1 && !descending && !parts[1].equalsIgnoreCase("asc")) {
			throw new InvalidInputException("limits.order", "direction must be asc or desc");
		}
		return new Order(field, descending);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	Comparator<Integer> comparator(List<IndexedDocument> documents) {
		Comparator<Comparable> natural = (a, b) -> a.getClass() == b.getClass() ? a.compareTo(b)
				: a.getClass().getName().compareTo(b.getClass().getName());
		Comparator<Comparable> values = descending ? natural.reversed() : natural;
		Comparator<Integer> byField = Comparator.comparing(o -> (Comparable) documents.get(o).sortKeys().get(field),
				Comparator.nullsLast(values));
		if (!CREATED.equals(field)) {
			byField = byField.thenComparing(o -> (Comparable) documents.get(o).sortKeys().get(CREATED),
					Comparator.nullsLast(natural));
		}
		return byField.thenComparing(o -> String.valueOf(documents.get(o).id()));
	}

}
