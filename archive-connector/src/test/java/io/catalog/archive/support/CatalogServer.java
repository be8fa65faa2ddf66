package io.catalog.archive.support;

import java.util.Map;

import io.catalog.sdk.CatalogClient;
import io.catalog.testsupport.CatalogProcess;

/**
 * A real catalog-api for the tests ({@link CatalogProcess}), publishing its events to the test JVM's Kafka broker.
 * Accounts: {@code archiver} (group archivemanager: lifecycles, job updates, and datablocks through
 * CREATE_DATASET_PRIVILEGED_GROUPS; global, so it reads the groups' policies) for the connector; {@code scheduler}
 * (an admin) who creates the auto-archive jobs; {@code officer}
 * (group {@code group1}) who owns the datasets and asks for archive and retrieve; {@code admin} who sets policies.
 * One per test JVM; skipped when the jar is missing.
 */
public final class CatalogServer {

	public static final String ARCHIVER = "archiver";

	public static final String ARCHIVER_PASSWORD = "archiver-secret";

	public static final String SCHEDULER = "scheduler";

	public static final String SCHEDULER_PASSWORD = "scheduler-secret";

	public static final String OFFICER = "officer";

	public static final String OFFICER_PASSWORD = "officer-secret";

	public static final String ADMIN_PASSWORD = "admin-secret";

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

	public CatalogClient officer() {
		return client(OFFICER, OFFICER_PASSWORD);
	}

	public CatalogClient admin() {
		return client("admin", ADMIN_PASSWORD);
	}

	public CatalogClient scheduler() {
		return client(SCHEDULER, SCHEDULER_PASSWORD);
	}

	public CatalogClient archiver() {
		return client(ARCHIVER, ARCHIVER_PASSWORD);
	}

	private static CatalogServer start() {
		var catalog = CatalogProcess.start("""
				[{"username":"archiver","email":"archiver@localhost","password":"%s","role":"archivemanager","global":true},
				 {"username":"scheduler","email":"scheduler@localhost","password":"%s","role":"admin","global":true},
				 {"username":"officer","email":"officer@localhost","password":"%s","role":"group1","global":false},
				 {"username":"admin","email":"admin@localhost","password":"%s","role":"admin","global":true}]
				""".formatted(ARCHIVER_PASSWORD, SCHEDULER_PASSWORD, OFFICER_PASSWORD, ADMIN_PASSWORD),
				Map.of("KAFKA_BOOTSTRAP_SERVERS", KafkaBroker.bootstrapServers(),
						"CREATE_DATASET_PRIVILEGED_GROUPS", "ingestor,archivemanager"), "512m");
		return new CatalogServer(catalog.url());
	}

}
