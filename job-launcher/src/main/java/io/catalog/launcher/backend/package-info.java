/**
 * Where runs happen: the {@link io.catalog.launcher.backend.Backend} interface, which datasets each back-end reaches,
 * the local back-end (a process per run, isolated with bubblewrap where installed), SLURM (a batch job per run)
 * and Kubernetes (a Job per run).
 */
package io.catalog.launcher.backend;
