/**
 * What the workers beside catalog-api share: {@link io.catalog.worker.JobListener} hears new jobs on Kafka and hands
 * them to the worker's {@link io.catalog.worker.JobQueue}; {@link io.catalog.worker.JobsV4} speaks the catalog's v4
 * job routes; {@link io.catalog.worker.Retry} retries a step while the catalog (or a store) does not answer.
 */
package io.catalog.worker;
