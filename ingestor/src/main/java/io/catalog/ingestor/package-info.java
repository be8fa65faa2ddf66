/** The ingestor: catalogs what beamlines produce, through the catalog's Java SDK only. */
package io.catalog.ingestor;
