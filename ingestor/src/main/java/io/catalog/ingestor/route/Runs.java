package io.catalog.ingestor.route;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.springframework.stereotype.Component;

import io.catalog.ingestor.run.Progress;
import io.catalog.ingestor.run.RunIngestion;
import io.catalog.ingestor.run.RunReader;

/** The step every source route shares: the message body is a run document; catalog it. */
@Component
class Runs {

	/** Exchange property: {@code file}, {@code kafka} or {@code mqtt}. */
	static final String SOURCE = "ingestorSource";

	/** Exchange property: where a refused run goes ({@code null}: a reason file beside the dropped file). */
	static final String DEAD_LETTER = "ingestorDeadLetter";

	/** Exchange property: the folder a dropped file moves to ({@code done} or {@code failed}). */
	static final String OUTCOME = "ingestorOutcome";

	/** Header: the pid of the dataset a run became. */
	static final String PID = "CatalogPid";

	private final RunReader reader;

	private final RunIngestion ingestion;

	private final IngestorMetrics metrics;

	Runs(RunReader reader, RunIngestion ingestion, IngestorMetrics metrics) {
		this.reader = reader;
		this.ingestion = ingestion;
		this.metrics = metrics;
	}

	/** Catalogs the run in the body; relative folders of a dropped file resolve against the file's folder. */
	void ingest(Exchange exchange) {
		var parent = exchange.getMessage().getHeader(Exchange.FILE_PARENT, String.class);
		var run = reader.read(exchange.getMessage().getBody(byte[].class), parent == null ? null : Path.of(parent));
		var outcome = ingestion.ingest(run, false, Progress.NONE);
		exchange.getMessage().setHeader(PID, outcome.pid());
		metrics.ingested(exchange.getProperty(SOURCE, String.class), Duration.between(arrival(exchange), Instant.now()));
	}

	private static Instant arrival(Exchange exchange) {
		var message = exchange.getMessage();
		Long at = message.getHeader(KafkaConstants.TIMESTAMP, Long.class);
		if (at == null) {
			at = message.getHeader(Exchange.FILE_LAST_MODIFIED, Long.class);
		}
		return at != null ? Instant.ofEpochMilli(at) : Instant.ofEpochMilli(exchange.getClock().getCreated());
	}

}
