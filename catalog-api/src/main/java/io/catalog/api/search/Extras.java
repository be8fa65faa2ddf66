package io.catalog.api.search;

import java.util.HashSet;
import java.util.Set;

/**
 * The fields an index sorts or counts by beyond its profile's own, added the first time a query asks for one (any
 * field the kind's schema knows, so never more than the schema has).
 *
 * @param sorts fields documents keep a sort key of
 * @param facets fields documents keep facet values of
 */
record Extras(Set<String> sorts, Set<String> facets) {

	static final Extras NONE = new Extras(Set.of(), Set.of());

	Extras {
		sorts = Set.copyOf(sorts);
		facets = Set.copyOf(facets);
	}

	boolean has(String field, boolean facet) {
		return (facet ? facets : sorts).contains(field);
	}

	Extras with(String field, boolean facet) {
		var more = new HashSet<>(facet ? facets : sorts);
		more.add(field);
		return facet ? new Extras(sorts, more) : new Extras(more, facets);
	}

}
