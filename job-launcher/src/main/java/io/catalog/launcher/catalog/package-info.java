/**
 * The catalog as the launcher reaches it: the Java SDK (v4 job routes through its client), retried while the catalog
 * does not answer.
 */
package io.catalog.launcher.catalog;
