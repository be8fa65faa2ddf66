/**
 * The job launcher's tools as the catalog's clients see them: listed and checked through the catalog (which asks
 * the launcher), so a GUI on the catalog's origin can draw an analysis form and check it before it creates the job.
 */
package io.catalog.api.tool;
