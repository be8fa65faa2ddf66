package io.catalog.ingestor.route;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.catalog.ingestor.IngestorProperties;

/**
 * Where refused runs go, with the reason: a dropped file to {@code failed/} with {@code <name>.reason.txt} beside it,
 * a Kafka record to the dead-letter topic (reason in the {@code ingestor-reason} header; the run counts as done, so
 * its offset can be committed), an MQTT
 * message to the dead-letter topic as {@code {"reason": ..., "message": ...}}. A run from any other source (one
 * added later, a test's) is kept in the dead-letter folder as {@code <time>-<exchange>.run} with
 * {@code .reason.txt} beside it, never dropped.
 */
@Component
class DeadLetterRoute extends RouteBuilder {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterRoute.class);

	private static final ObjectMapper JSON = new ObjectMapper();

	private final IngestorMetrics metrics;

	private final Path keptIn;

	DeadLetterRoute(IngestorMetrics metrics, IngestorProperties properties) {
		this.metrics = metrics;
		this.keptIn = Path.of(properties.deadLetterDir());
	}

	@Override
	public void configure() {
		from("direct:dead-letter").routeId("dead-letter")
			.process(this::record)
			.choice()
				.when(exchangeProperty(Runs.SOURCE).isEqualTo("kafka"))
					.setHeader("ingestor-reason", exchangeProperty("ingestorReason"))
					.toD("${exchangeProperty." + Runs.DEAD_LETTER + "}")
				.when(exchangeProperty(Runs.SOURCE).isEqualTo("mqtt"))
					.process(DeadLetterRoute::envelope)
					.toD("${exchangeProperty." + Runs.DEAD_LETTER + "}")
				.when(exchangeProperty(Runs.SOURCE).isEqualTo("file"))
					.setProperty(Runs.OUTCOME, constant("failed"))
					.process(DeadLetterRoute::writeReasonFile)
				.otherwise()
					.process(this::keep)
			.end();
	}

	private void record(Exchange exchange) {
		var failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
		var reason = failure == null ? "unknown" : failure.getMessage();
		exchange.setProperty("ingestorReason", reason);
		metrics.failed(exchange.getProperty(Runs.SOURCE, String.class));
		log.warn("Run refused ({}): {}", exchange.getProperty(Runs.SOURCE), reason);
	}

	private static void envelope(Exchange exchange) throws IOException {
		var envelope = new LinkedHashMap<String, Object>();
		envelope.put("reason", exchange.getProperty("ingestorReason"));
		envelope.put("message", exchange.getMessage().getBody(String.class));
		exchange.getMessage().setBody(JSON.writeValueAsBytes(envelope));
	}

	/** Keeps a refused run whose source has no dead letter of its own, with its reason. */
	private void keep(Exchange exchange) throws IOException {
		Files.createDirectories(keptIn);
		var name = exchange.getClock().getCreated() + "-" + exchange.getExchangeId().replaceAll("[^A-Za-z0-9-]", "_");
		var body = exchange.getMessage().getBody(byte[].class);
		Files.write(keptIn.resolve(name + ".run"), body == null ? new byte[0] : body);
		Files.writeString(keptIn.resolve(name + ".reason.txt"),
				exchange.getProperty("ingestorReason") + System.lineSeparator(), StandardCharsets.UTF_8);
		log.warn("Refused run of source {} kept as {}", exchange.getProperty(Runs.SOURCE), keptIn.resolve(name + ".run"));
	}

	/** For a dropped file: writes {@code failed/<name>.reason.txt} (the file itself is moved there by the route). */
	static void writeReasonFile(Exchange exchange) throws IOException {
		if (!"file".equals(exchange.getProperty(Runs.SOURCE))) {
			return;
		}
		var failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
		var reason = failure == null ? "unknown" : failure.getMessage();
		var folder = Path.of(exchange.getMessage().getHeader(Exchange.FILE_PARENT, String.class), "failed");
		Files.createDirectories(folder);
		var name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
		Files.writeString(folder.resolve(name + ".reason.txt"), reason + System.lineSeparator(), StandardCharsets.UTF_8);
	}

}
