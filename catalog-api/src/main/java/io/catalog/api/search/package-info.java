/** Search: full queries, facets, counts and metadata keys from in-memory indexes kept by the write path. */
package io.catalog.api.search;
