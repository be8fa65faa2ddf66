/** The Camel routes (file drop, Kafka, MQTT, dead letter), their shared error policy and the ingestor's metrics. */
package io.catalog.ingestor.route;
