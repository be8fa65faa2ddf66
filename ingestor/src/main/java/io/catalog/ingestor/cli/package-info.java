/** The command-line {@code ingest} for people at a beamline: dry run by default, progress bar and summary. */
package io.catalog.ingestor.cli;
