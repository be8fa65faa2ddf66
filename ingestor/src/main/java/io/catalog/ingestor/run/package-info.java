/**
 * What one run becomes in the catalog: reading a run document, walking its folder, reading NeXus metadata, and the
 * idempotent writes (dataset with a derived pid, file blocks, archivable) shared by the routes and the command line.
 */
package io.catalog.ingestor.run;
