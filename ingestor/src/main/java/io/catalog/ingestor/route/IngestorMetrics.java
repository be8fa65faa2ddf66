package io.catalog.ingestor.route;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * The ingestor's meters on the actuator ({@code /actuator/metrics/ingestor.runs.ingested}, ...), tagged by source:
 * runs ingested, failed (dead letter), retried (catalog unavailable), and lag from a run's arrival to its dataset.
 */
@Component
class IngestorMetrics {

	private final MeterRegistry registry;

	IngestorMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void ingested(String source, Duration lag) {
		Counter.builder("ingestor.runs.ingested").description("runs catalogued").tag("source", source)
			.register(registry).increment();
		Timer.builder("ingestor.lag").description("from a run's arrival (file mtime, message time) to its dataset")
			.tag("source", source).register(registry).record(lag.isNegative() ? Duration.ZERO : lag);
	}

	void failed(String source) {
		Counter.builder("ingestor.runs.failed").description("runs sent to the dead letter").tag("source", source)
			.register(registry).increment();
	}

	void retried(String source) {
		Counter.builder("ingestor.runs.retried").description("attempts repeated because the catalog did not answer")
			.tag("source", source).register(registry).increment();
	}

}
