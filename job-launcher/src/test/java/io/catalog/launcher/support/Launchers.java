package io.catalog.launcher.support;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.catalog.launcher.JobLauncherApplication;

/**
 * Job launchers for the tests, in the test JVM and configured by their environment variables: each signs in as the
 * catalog's {@code launcher}, hears the test broker with its own id and consumer group, runs the test tools and
 * keeps its runs under {@code work}.
 */
public final class Launchers {

	private Launchers() {
	}

	/** The settings of a launcher over the test tools (the form tools and the job tools). */
	public static Map<String, String> settings(CatalogServer catalog, Path work) {
		return settings(catalog.url(), work);
	}

	/** The same, against the catalog at {@code catalogUrl} (one whose accounts include {@code launcher}). */
	public static Map<String, String> settings(String catalogUrl, Path work) {
		var settings = new HashMap<String, String>();
		settings.put("CATALOG_URL", catalogUrl);
		settings.put("CATALOG_USERNAME", CatalogServer.LAUNCHER);
		settings.put("CATALOG_PASSWORD", CatalogServer.LAUNCHER_PASSWORD);
		settings.put("KAFKA_BOOTSTRAP_SERVERS", KafkaBroker.bootstrapServers());
		settings.put("LAUNCHER_KAFKA_GROUP", "launcher-" + UUID.randomUUID());
		settings.put("LAUNCHER_ID", "launcher-" + UUID.randomUUID());
		settings.put("LAUNCHER_TOOLS", Path.of("src/test/resources/tools").toAbsolutePath() + ","
				+ Path.of("src/test/resources/job-tools").toAbsolutePath());
		settings.put("LAUNCHER_WORK_DIR", work.toString());
		settings.put("LAUNCHER_POLL_INTERVAL", "200ms");
		settings.put("LAUNCHER_PROGRESS_INTERVAL", "500ms");
		settings.put("LAUNCHER_RETRY_DELAY", "200ms");
		settings.put("LAUNCHER_RETRY_MAX_DELAY", "2s");
		settings.put("PORT", "0");
		return settings;
	}

	/** A launcher in the test JVM. */
	public static ConfigurableApplicationContext start(Map<String, String> settings) {
		return new SpringApplicationBuilder(JobLauncherApplication.class)
			.properties(Map.<String, Object>copyOf(settings)).run();
	}

}
