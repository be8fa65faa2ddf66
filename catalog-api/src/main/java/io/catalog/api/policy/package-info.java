/** Per-group archive and retention policies. */
package io.catalog.api.policy;
