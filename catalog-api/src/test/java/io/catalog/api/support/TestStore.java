package io.catalog.api.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MongoDBContainer;

import io.catalog.api.store.EmbeddedServers;

/**
 * The one place that decides which MongoDB the tests use: a Testcontainers MongoDB where a Docker engine runs,
 * else the catalog's own embedded wire-protocol server (in memory) on a random loopback port. Started once per test JVM.
 */
public final class TestStore {

	private static final Logger log = LoggerFactory.getLogger(TestStore.class);

	private static String uri;

	private TestStore() {
	}

	public static synchronized String uri() {
		if (uri == null) {
			uri = dockerAvailable() ? container() : embedded();
		}
		return uri;
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	@SuppressWarnings("resource")
	private static String container() {
		var mongo = new MongoDBContainer("mongo:7.0");
		mongo.start();
		log.info("Tests use MongoDB from Testcontainers");
		return mongo.getReplicaSetUrl("catalog-test");
	}

	private static String embedded() {
		var server = EmbeddedServers.inMemory();
		Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
		log.info("No Docker engine: tests use the embedded MongoDB wire server on {}, in memory, as the catalog "
				+ "starts it (oplog on)", server.getLocalAddress());
		return EmbeddedServers.uri(server, "catalog-test");
	}

}
