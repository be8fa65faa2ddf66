/** Datasets, raw and derived: SciCat's central document, with its lifecycle. */
package io.catalog.api.dataset;
