/** The bench command: seeds a catalog running in-process and measures ingest and search. */
package io.catalog.bench;
