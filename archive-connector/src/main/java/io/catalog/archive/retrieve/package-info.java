/** Retrieving: a dataset's files, or some of them, back from its datablocks to an allowed folder, every checksum verified. */
package io.catalog.archive.retrieve;
