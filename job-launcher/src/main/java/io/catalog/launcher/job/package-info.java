/**
 * Analysis jobs: heard on Kafka, claimed once among the launcher's replicas through the job's status history, checked,
 * run on a back-end that reaches their datasets, watched (cancel, timeout, log tails) and ended in the catalog.
 */
package io.catalog.launcher.job;
