package io.catalog.api.event;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/** Says in one line where the running stack listens: the API and the Kafka brokers its events go to. */
class StartupReport implements ApplicationListener<WebServerInitializedEvent> {

	private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

	private final EventConfiguration.Brokers brokers;

	StartupReport(EventConfiguration.Brokers brokers) {
		this.brokers = brokers;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		log.info("Ready: catalog-api on port {} (BIND_ADDRESS); Kafka {} on {} (topics catalog.*)",
				event.getWebServer().getPort(), brokers.local() != null ? "broker (local, KRaft)" : "brokers",
				brokers.bootstrapServers());
	}

}
