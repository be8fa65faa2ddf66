/** The catalog as the connector reaches it: the Java SDK, retried while the catalog does not answer. */
package io.catalog.archive.catalog;
