package io.catalog.launcher.support;

import java.util.Map;

import io.catalog.sdk.CatalogClient;
import io.catalog.testsupport.CatalogProcess;

/**
 * A real catalog-api for the tests ({@link CatalogProcess}) with the launcher's job configuration, publishing to the test JVM's
 * Kafka broker. Accounts: {@code launcher} (group launcher, global: reads every dataset, updates jobs, creates
 * derived datasets for their owners) for the launcher; {@code scientist} (group {@code group1}) who owns the
 * datasets and asks for analyses. One per test JVM; skipped when the jar is missing.
 */
public final class CatalogServer {

	public static final String LAUNCHER = "launcher";

	public static final String LAUNCHER_PASSWORD = "launcher-secret";

	public static final String SCIENTIST_PASSWORD = "scientist-secret";

	/** The job types with {@code analysis}, as bin/run gives them to the catalog. */
	public static final String JOB_CONFIGURATION = java.nio.file.Path.of("jobconfig/jobconfig.yaml").toAbsolutePath()
		.toString();

	private static CatalogServer started;

	private final String url;

	private CatalogServer(String url) {
		this.url = url;
	}

	/** The running catalog, started on first use. */
	public static synchronized CatalogServer get() {
		if (started == null) {
			started = start();
		}
		return started;
	}

	public String url() {
		return url;
	}

	/** A client signed in as {@code username}. */
	public CatalogClient client(String username, String password) {
		var client = CatalogClient.of(url);
		client.await(client.login(username, password));
		return client;
	}

	public CatalogClient scientist() {
		return client("scientist", SCIENTIST_PASSWORD);
	}

	private static CatalogServer start() {
		var catalog = CatalogProcess.start("""
				[{"username":"launcher","email":"launcher@localhost","password":"%s","role":"launcher","global":true},
				 {"username":"scientist","email":"scientist@localhost","password":"%s","role":"group1","global":false}]
				""".formatted(LAUNCHER_PASSWORD, SCIENTIST_PASSWORD),
				Map.of("KAFKA_BOOTSTRAP_SERVERS", KafkaBroker.bootstrapServers(), "JOB_CONFIGURATION_FILE", JOB_CONFIGURATION,
						"CREATE_DATASET_PRIVILEGED_GROUPS", "launcher", "UPDATE_JOB_PRIVILEGED_GROUPS", "launcher"),
				"512m");
		return new CatalogServer(catalog.url());
	}

}
