/** The MongoDB connection, the embedded store of the default run, and the indexes declared at start-up. */
package io.catalog.api.store;
