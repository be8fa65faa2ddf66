/** Events: every catalog write goes to Kafka as a CloudEvent through a durable outbox, and the local Kafka broker. */
package io.catalog.api.event;
