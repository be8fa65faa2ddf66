package io.catalog.archive.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.catalog.archive.ArchiveConnectorApplication;

/**
 * Archive connectors for the tests, configured by their environment variables: in the test JVM, or as a child JVM (to
 * be killed) on the test JVM's class path. Each signs in as the catalog's {@code archiver} and hears the test broker.
 */
public final class Connectors {

	private Connectors() {
	}

	/** The settings of a connector with its own id and consumer group, storing into {@code folder}. */
	public static Map<String, String> settings(CatalogServer catalog, Path folder) {
		var settings = new HashMap<String, String>();
		settings.put("CATALOG_URL", catalog.url());
		settings.put("CATALOG_USERNAME", CatalogServer.ARCHIVER);
		settings.put("CATALOG_PASSWORD", CatalogServer.ARCHIVER_PASSWORD);
		settings.put("KAFKA_BOOTSTRAP_SERVERS", KafkaBroker.bootstrapServers());
		settings.put("ARCHIVE_KAFKA_GROUP", "connector-" + UUID.randomUUID());
		settings.put("ARCHIVE_CONNECTOR_ID", "connector-" + UUID.randomUUID());
		settings.put("ARCHIVE_STORAGE", "folder");
		settings.put("ARCHIVE_FOLDER", folder.toString());
		settings.put("ARCHIVE_BLOCK_SIZE", "256KB");
		settings.put("ARCHIVE_PROGRESS_INTERVAL", "1s");
		settings.put("ARCHIVE_RETRY_DELAY", "200ms");
		settings.put("ARCHIVE_RETRY_MAX_DELAY", "2s");
		settings.put("ARCHIVE_AUTO_INTERVAL", "0s");
		settings.put("PORT", "0");
		return settings;
	}

	/** A connector in the test JVM. */
	public static ConfigurableApplicationContext start(Map<String, String> settings) {
		return new SpringApplicationBuilder(ArchiveConnectorApplication.class)
			.properties(Map.<String, Object>copyOf(settings)).run();
	}

	/** A connector in a child JVM, its output in {@code log}. */
	public static Process startProcess(Map<String, String> settings, Path log) throws IOException {
		var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
				ArchiveConnectorApplication.class.getName())
			.redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(settings);
		var process = builder.start();
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
		return process;
	}

}
