package io.catalog.api.support;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MongoDBContainer;

/**
 * The one place that decides which MongoDB the tests use: a Testcontainers MongoDB where a Docker engine runs,
 * else the embedded wire-protocol server on a random loopback port. Started once per test JVM.
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
		var server = new MongoServer(new MemoryBackend());
		server.bind("127.0.0.1", 0);
		Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
		log.info("No Docker engine: tests use the embedded MongoDB wire server on {}", server.getLocalAddress());
		return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/catalog-test";
	}

}
