package io.catalog.api.store;

import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;

/**
 * Starts the in-process MongoDB wire server the catalog runs on without {@code MONGODB_URI}: the durable H2 backend
 * with its oplog on, listening on a free loopback port. Tests start theirs here too, in memory.
 */
public final class EmbeddedServers {

	private EmbeddedServers() {
	}

	/** A server on the file, keeping up to {@code cacheMegabytes} of its pages in memory. */
	public static MongoServer onFile(Path file, int cacheMegabytes) {
		return start(new DurableH2Backend(file.toString(), cacheMegabytes));
	}

	/** A server whose data lives in memory only. */
	public static MongoServer inMemory() {
		return start(new DurableH2Backend(null, 64));
	}

	/** The connection string of a started server, naming the database. */
	public static String uri(MongoServer server, String database) {
		return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/" + database;
	}

	private static MongoServer start(DurableH2Backend backend) {
		backend.enableOplog();
		var server = new MongoServer(backend);
		server.bind("127.0.0.1", 0);
		return server;
	}

}
