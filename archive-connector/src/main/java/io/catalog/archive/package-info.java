/** The archive connector: runs the catalog's archive and retrieve jobs against long-term storage, through the Java SDK. */
package io.catalog.archive;
