package io.catalog.api.search;

import java.util.Comparator;
import java.util.List;

import io.catalog.api.document.InvalidInputException;

/**
 * The order of a page: a sort field and its direction, SciCat's {@code "field:asc"}; documents without the field
 * come last.
 *
 * @param field the sort field
 * @param descending whether the largest comes first
 */
record Order(String field, boolean descending) {

	static Order parse(String text, List<String> sortable) {
		var parts = text.trim().split("[:\\s]+");
		var field = parts[0];
		if (!sortable.contains(field)) {
			throw new InvalidInputException("limits.order", "cannot sort by " + field + "; one of " + sortable);
		}
		boolean descending = parts.length > 1 && parts[1].equalsIgnoreCase("desc");
		if (parts.length > 1 && !descending && !parts[1].equalsIgnoreCase("asc")) {
			throw new InvalidInputException("limits.order", "direction must be asc or desc");
		}
		return new Order(field, descending);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	Comparator<Integer> comparator(List<IndexedDocument> documents) {
		Comparator<Comparable> values = descending ? Comparator.<Comparable>reverseOrder() : Comparator.<Comparable>naturalOrder();
		Comparator<Integer> byField = Comparator.comparing(o -> (Comparable) documents.get(o).sortKeys().get(field),
				Comparator.nullsLast(values));
		return byField.thenComparing(o -> String.valueOf(documents.get(o).id()));
	}

}
