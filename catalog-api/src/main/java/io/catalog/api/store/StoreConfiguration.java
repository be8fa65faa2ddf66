package io.catalog.api.store;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;

import com.mongodb.ConnectionString;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.ReactiveMongoDatabaseFactory;
import org.springframework.data.mongodb.core.SimpleReactiveMongoDatabaseFactory;

/**
 * Connects the catalog to MongoDB: the one named by {@code MONGODB_URI}, or without it an in-process
 * MongoDB wire-protocol server whose data lives in a file under the data folder.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

	private static final Logger log = LoggerFactory.getLogger(StoreConfiguration.class);

	@Bean(destroyMethod = "shutdownNow")
	EmbeddedStore embeddedStore(StoreProperties properties) throws IOException {
		if (!properties.embedded()) {
			return EmbeddedStore.NONE;
		}
		Files.createDirectories(properties.dataDir());
		var file = properties.dataDir().resolve("catalog.mv").toAbsolutePath();
		var server = EmbeddedServers.onFile(file, properties.cacheMegabytes());
		InetSocketAddress address = server.getLocalAddress();
		log.info("Embedded MongoDB store in {} (listening on 127.0.0.1:{}, {} MB page cache); set MONGODB_URI to use "
				+ "a MongoDB server", file, address.getPort(), properties.cacheMegabytes());
		return new EmbeddedStore(server, EmbeddedServers.uri(server, properties.database()));
	}

	@Bean(destroyMethod = "close")
	MongoClient reactiveMongoClient(StoreProperties properties, EmbeddedStore embedded) {
		return MongoClients.create(properties.embedded() ? embedded.uri() : properties.uri());
	}

	@Bean
	ReactiveMongoDatabaseFactory reactiveMongoDatabaseFactory(MongoClient client, StoreProperties properties,
			ObjectProvider<EmbeddedStore> embedded) {
		var uri = new ConnectionString(properties.embedded() ? embedded.getObject().uri() : properties.uri());
		var database = uri.getDatabase() != null ? uri.getDatabase() : properties.database();
		return new SimpleReactiveMongoDatabaseFactory(client, database);
	}

	@Bean
	MongoDatabase catalogDatabase(ReactiveMongoDatabaseFactory factory) {
		return factory.getMongoDatabase().block();
	}

	/** The in-process store, or {@link #NONE} when a MongoDB server is configured. */
	record EmbeddedStore(MongoServer server, String uri) {

		static final EmbeddedStore NONE = new EmbeddedStore(null, null);

		void shutdownNow() {
			if (server != null) {
				server.shutdownNow();
			}
		}

	}

}
