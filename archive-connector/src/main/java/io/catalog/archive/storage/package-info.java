/** Long-term storage of datablocks: one interface, a folder and an S3 back-end. */
package io.catalog.archive.storage;
