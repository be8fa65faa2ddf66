/**
 * Where runs happen: the {@link io.catalog.launcher.backend.Backend} interface, which datasets each back-end reaches,
 * and the local back-end (a process per run, isolated with bubblewrap where installed).
 */
package io.catalog.launcher.backend;
