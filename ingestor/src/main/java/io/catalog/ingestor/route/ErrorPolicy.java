package io.catalog.ingestor.route;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

import io.catalog.ingestor.IngestorProperties;
import io.catalog.ingestor.run.CatalogUnavailableException;
import io.catalog.ingestor.run.InvalidRunException;

/**
 * The one error policy of every route: while the catalog cannot answer, retry with exponential backoff (nothing is
 * dropped: a Kafka offset stays uncommitted and the record is polled again, a dropped file moves to {@code failed/});
 * a run that can never be catalogued goes to the dead letter with the reason.
 */
@Component
class ErrorPolicy extends RouteConfigurationBuilder {

	/** The id every source route names with {@code routeConfigurationId}. */
	static final String ID = "error-policy";

	private final IngestorProperties.Retry retry;

	private final IngestorMetrics metrics;

	ErrorPolicy(IngestorProperties properties, IngestorMetrics metrics) {
		this.retry = properties.retry();
		this.metrics = metrics;
	}

	@Override
	public void configuration() {
		routeConfiguration(ID)
			.onException(CatalogUnavailableException.class)
				.maximumRedeliveries(retry.maxRedeliveries())
				.redeliveryDelay(retry.delay().toMillis())
				.useExponentialBackOff()
				.backOffMultiplier(2)
				.maximumRedeliveryDelay(retry.maxDelay().toMillis())
				.retryAttemptedLogLevel(org.apache.camel.LoggingLevel.WARN)
				.onRedelivery(exchange -> metrics.retried(exchange.getProperty(Runs.SOURCE, String.class)))
				.handled(false)
				.process(DeadLetterRoute::writeReasonFile)
			.end()
			.onException(InvalidRunException.class)
				.handled(true)
				.to("direct:dead-letter")
			.end();
	}

}
