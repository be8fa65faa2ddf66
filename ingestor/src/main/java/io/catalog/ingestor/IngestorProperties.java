package io.catalog.ingestor;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The ingestor's configuration, mapped from its environment variables in {@code application.yml}.
 *
 * @param catalog how to reach and sign in to the catalog
 * @param pidPrefix prefix of derived pids ({@code <prefix>/<uuid>}); the catalog's {@code PID_PREFIX}
 * @param filesPerBlock files per origdatablock, so a block stays well under MongoDB's 16 MB
 * @param checksum checksum algorithm of the files ({@code MD5}, {@code SHA-256}, ...); empty for none
 * @param nexusMapping a mapping file (HDF5 path to metadata key); empty for the built-in one
 * @param archivableOnCreate create datasets archivable instead of marking them so after their files: one catalog
 *        call less per run, but an archive job could then start before all files of a run are registered
 * @param concurrency runs catalogued at the same time by the Kafka and MQTT routes (each run is a few sequential
 *        catalog calls, so throughput grows with it until the catalog is busy)
 * @param drop the file drop
 * @param kafka the Kafka route
 * @param mqtt the MQTT route
 * @param retry how the catalog is retried when it cannot answer
 * @param deadLetterDir where a refused run from a source without a dead letter of its own is kept, with the reason
 *        beside it ({@code INGESTOR_DEAD_LETTER_DIR})
 */
@ConfigurationProperties("ingestor")
public record IngestorProperties(Catalog catalog, String pidPrefix, int filesPerBlock, String checksum,
		String nexusMapping, boolean archivableOnCreate, int concurrency, Drop drop, Kafka kafka, Mqtt mqtt, Retry retry,
		String deadLetterDir) {

	public IngestorProperties {
		concurrency = Math.max(1, concurrency);
		deadLetterDir = deadLetterDir == null || deadLetterDir.isBlank() ? "data/dead-letter" : deadLetterDir;
	}

	/**
	 * The catalog.
	 *
	 * @param url base address, e.g. {@code http://127.0.0.1:3000}
	 * @param token a bearer token (API token or JWT); used when set
	 * @param username functional account to sign in with when no token is set
	 * @param password its password
	 */
	public record Catalog(String url, String token, String username, String password) {
	}

	/**
	 * The file drop.
	 *
	 * @param dir folder watched for metadata files; empty turns the route off
	 * @param delay poll interval
	 */
	public record Drop(String dir, Duration delay) {
	}

	/**
	 * Kafka.
	 *
	 * @param bootstrapServers brokers; empty turns the route off
	 * @param topics topics of run messages
	 * @param groupId consumer group
	 * @param deadLetterTopic where refused runs go, with the reason in a header
	 * @param batchSize most records taken in one poll and catalogued together ({@code concurrency} at a time) before
	 *        their offsets are committed
	 */
	public record Kafka(String bootstrapServers, List<String> topics, String groupId, String deadLetterTopic,
			int batchSize) {

		public Kafka {
			batchSize = Math.max(1, batchSize);
		}

	}

	/**
	 * MQTT.
	 *
	 * @param brokerUrl broker, e.g. {@code tcp://127.0.0.1:1883}; empty turns the route off
	 * @param topics topics of run messages (QoS 1)
	 * @param deadLetterTopic where refused runs go
	 */
	public record Mqtt(String brokerUrl, List<String> topics, String deadLetterTopic) {
	}

	/**
	 * Retries while the catalog cannot answer.
	 *
	 * @param maxRedeliveries attempts after the first one
	 * @param delay first delay, doubled at each attempt
	 * @param maxDelay longest delay
	 */
	public record Retry(int maxRedeliveries, Duration delay, Duration maxDelay) {
	}

}
