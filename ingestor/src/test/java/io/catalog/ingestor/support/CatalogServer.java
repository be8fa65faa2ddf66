package io.catalog.ingestor.support;

import java.time.Duration;
import java.util.Map;

import io.catalog.sdk.CatalogClient;
import io.catalog.testsupport.CatalogProcess;

/**
 * A real catalog-api for the tests ({@link CatalogProcess}), with the accounts {@code ingestor}
 * (privileged creator, may set lifecycles) and {@code reader}. One per test JVM; skipped when the jar is missing.
 */
public final class CatalogServer {

	public static final String INGESTOR = "ingestor";

	public static final String PASSWORD = "ingestor-secret";

	private static CatalogServer started;

	private final CatalogProcess catalog;

	private CatalogServer(CatalogProcess catalog) {
		this.catalog = catalog;
	}

	/** The running catalog, started on first use. */
	public static synchronized CatalogServer get() {
		if (started == null) {
			started = start();
		}
		return started;
	}

	public String url() {
		return catalog.url();
	}

	/** The CPU time catalog-api's process used so far (for the benchmark's share of the catalog). */
	public Duration cpuTime() {
		return catalog.cpuTime();
	}

	/** A client signed in as the ingestor account. */
	public CatalogClient ingestorClient() {
		var client = CatalogClient.of(catalog.url());
		client.await(client.login(INGESTOR, PASSWORD));
		return client;
	}

	private static CatalogServer start() {
		var catalog = CatalogProcess.start("""
				[{"username":"ingestor","email":"ingestor@localhost","password":"%s","role":"ingestor","global":false}]
				""".formatted(PASSWORD), Map.of("UPDATE_DATASET_LIFECYCLE_GROUPS", "archivemanager,ingestor"),
				System.getProperty("catalog.api.heap", "512m"));
		return new CatalogServer(catalog);
	}

	/** A free port on 127.0.0.1. */
	public static int freePort() {
		return CatalogProcess.freePort();
	}

}
