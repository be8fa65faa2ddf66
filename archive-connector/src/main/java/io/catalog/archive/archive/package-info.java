/** Archiving: a dataset's catalogued files checked, packed into checksummed tar datablocks, stored and registered. */
package io.catalog.archive.archive;
