package io.catalog.api.store;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the catalog keeps its documents.
 *
 * @param uri MongoDB connection string ({@code MONGODB_URI}); blank starts the embedded store
 * @param database database name used when the URI names none
 * @param dataDir folder of the embedded store's file ({@code CATALOG_DATA_DIR})
 */
@ConfigurationProperties("catalog.store")
public record StoreProperties(String uri, String database, Path dataDir) {

	public StoreProperties {
		database = (database == null || database.isBlank()) ? "scicat" : database;
		dataDir = dataDir == null ? Path.of("data") : dataDir;
	}

	boolean embedded() {
		return uri == null || uri.isBlank();
	}

}
