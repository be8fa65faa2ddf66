/**
 * SciCat's logbook routes, which its frontend calls on a dataset's page. No logbook service is connected to the
 * catalog, so they answer as SciCat does without one.
 */
package io.catalog.api.logbook;
