/** Jobs: heard from Kafka, claimed once through the catalog, run, and reported in SciCat's words. */
package io.catalog.archive.job;
