/** Search: full queries, facets, counts and metadata keys from in-memory indexes kept by the write path; units. */
package io.catalog.api.search;
