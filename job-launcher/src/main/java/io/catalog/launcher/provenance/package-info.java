/** Provenance: what a successful run wrote becomes a derived dataset in the catalog, with how it was made. */
package io.catalog.launcher.provenance;
