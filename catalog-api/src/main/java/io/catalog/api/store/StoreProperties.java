package io.catalog.api.store;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the catalog keeps its documents.
 *
 * @param uri MongoDB connection string ({@code MONGODB_URI}); blank starts the embedded store
 * @param database database name used when the URI names none
 * @param dataDir folder of the embedded store's file ({@code CATALOG_DATA_DIR})
 * @param cacheMegabytes memory the embedded store keeps its file's pages in ({@code CATALOG_STORE_CACHE_MB}); by
 *        default an eighth of the heap, between 16 MB and 1 GB
 */
@ConfigurationProperties("catalog.store")
public record StoreProperties(String uri, String database, Path dataDir, Integer cacheMegabytes) {

	public StoreProperties {
		database = (database == null || database.isBlank()) ? "scicat" : database;
		dataDir = dataDir == null ? Path.of("data") : dataDir;
		if (cacheMegabytes == null || cacheMegabytes <= 0) {
			long eighth = Runtime.getRuntime().maxMemory() / 8 / (1024 * 1024);
			cacheMegabytes = (int) Math.max(16, Math.min(1024, eighth));
		}
	}

	boolean embedded() {
		return uri == null || uri.isBlank();
	}

}
