package io.catalog.ingestor.route;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.catalog.ingestor.IngestorProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch waiting out the catalog's absence keeps its partitions: Kafka waits longer than a run's retry cycle. */
class KafkaPollIntervalTest {

	@Test
	void outlastsAWholeRetryCycleAtTheLongestDelay() {
		var retry = new IngestorProperties.Retry(10, Duration.ofSeconds(1), Duration.ofSeconds(60));

		var interval = KafkaRunRoute.maxPollInterval(retry);

		assertThat(interval).isGreaterThan(Duration.ofSeconds(60).multipliedBy(10)).isEqualTo(Duration.ofMinutes(16));
	}

}
