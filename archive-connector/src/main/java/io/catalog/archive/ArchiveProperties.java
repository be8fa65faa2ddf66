package io.catalog.archive;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The connector's configuration, mapped from its environment variables in {@code application.yml}.
 *
 * @param connectorId this replica's name, written into the jobs it claims; must stay the same across restarts so a
 *        restarted replica resumes its own jobs ({@code ARCHIVE_CONNECTOR_ID}, default: the host name)
 * @param catalog how to reach and sign in to the catalog
 * @param kafka where the jobs come from
 * @param storage where the blocks go
 * @param blockSize target size of a tar datablock; a file larger than it is alone in its block
 * @param blockMaxFiles most files in one datablock, so its catalog document stays well under MongoDB's 16 MB
 * @param checksum checksum algorithm of files and blocks (a JDK name: {@code SHA-256}, {@code SHA-512}, ...)
 * @param allowedRoots folders a retrieve may write to when a job names {@code destinationPath}; none: every
 *        {@code destinationPath} is refused
 * @param concurrency jobs run at the same time by this replica
 * @param progressInterval least time between two progress reports on a job
 * @param resumeInterval how often this replica looks for jobs it claimed but is not running (after a restart or
 *        after the catalog or storage stayed away longer than the retries)
 * @param lease how long a claimed job may show nothing before another replica takes it over; a running job is reported
 *        on every third of it, and its replica stops it once it could not report for half of it
 * @param pauseAfterBlock a pause after each stored block (0: none); slows archiving down for demonstrations and
 *        tests
 * @param autoArchive SciCat's {@code autoArchive} policies: how often they are applied and who creates their jobs
 * @param retry how the catalog and the storage are retried while they do not answer
 * @param mail where job notifications are sent from
 */
@ConfigurationProperties("archive")
public record ArchiveProperties(String connectorId, Catalog catalog, Kafka kafka, Storage storage, DataSize blockSize,
		int blockMaxFiles, String checksum, List<String> allowedRoots, int concurrency, Duration progressInterval,
		Duration resumeInterval, Duration lease, Duration pauseAfterBlock, AutoArchive autoArchive, Retry retry, Mail mail) {

	public ArchiveProperties {
		concurrency = Math.max(1, concurrency);
		blockMaxFiles = Math.max(1, blockMaxFiles);
		allowedRoots = allowedRoots == null ? List.of() : allowedRoots.stream().filter(root -> !root.isBlank()).toList();
		lease = lease == null || lease.isZero() || lease.isNegative() ? Duration.ofMinutes(30) : lease;
		pauseAfterBlock = pauseAfterBlock == null ? Duration.ZERO : pauseAfterBlock;
		autoArchive = autoArchive == null ? new AutoArchive(Duration.ZERO, null, null, null) : autoArchive;
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
	 * Auto-archiving.
	 *
	 * @param interval how often the policies asking for {@code autoArchive} are applied; 0: never
	 * @param token bearer token of the account that creates the jobs; used when set
	 * @param username that account otherwise (an admin); none: off
	 * @param password its password
	 */
	public record AutoArchive(Duration interval, String token, String username, String password) {

		public AutoArchive {
			interval = interval == null ? Duration.ZERO : interval;
		}

		/** Whether auto-archiving runs: an interval and an account to create the jobs. */
		public boolean enabled() {
			return !interval.isZero() && !interval.isNegative()
					&& (token != null && !token.isBlank() || username != null && !username.isBlank());
		}

	}

	/**
	 * Kafka.
	 *
	 * @param bootstrapServers brokers; empty: no jobs are heard (only claimed jobs are resumed)
	 * @param archiveTopic topic of new archive jobs
	 * @param retrieveTopic topic of new retrieve jobs
	 * @param groupId consumer group; replicas share it
	 */
	public record Kafka(String bootstrapServers, String archiveTopic, String retrieveTopic, String groupId) {
	}

	/**
	 * The storage of the blocks.
	 *
	 * @param type {@code folder} or {@code s3}
	 * @param folder root folder of the folder store
	 * @param s3 the S3 store
	 * @param copies where further copies go when a policy's {@code tapeRedundancy} asks for them ({@code medium}: 2
	 *        copies, {@code high}: 3), in order: folders for the folder store, key prefixes of the bucket for S3
	 */
	public record Storage(String type, String folder, S3 s3, List<String> copies) {

		public Storage {
			copies = copies == null ? List.of() : copies.stream().filter(copy -> !copy.isBlank()).toList();
		}

	}

	/**
	 * An S3 bucket.
	 *
	 * @param endpoint endpoint URL; empty for AWS itself
	 * @param region region
	 * @param bucket bucket (created when missing)
	 * @param accessKey access key; empty: the SDK's default credentials
	 * @param secretKey secret key
	 * @param prefix key prefix of every object
	 * @param partSize size of multipart upload parts (at least 5 MB); held in memory, one per running upload
	 */
	public record S3(String endpoint, String region, String bucket, String accessKey, String secretKey, String prefix,
			DataSize partSize) {
	}

	/**
	 * The mail server of job notifications (the catalog's variable names).
	 *
	 * @param host SMTP server; empty: no mail
	 * @param port its port
	 * @param secure TLS from the start ({@code SMTP_SECURE=yes})
	 * @param from sender address
	 */
	public record Mail(String host, int port, boolean secure, String from) {
	}

	/**
	 * Retries while the catalog or the storage does not answer.
	 *
	 * @param attempts attempts before the job is left for the next resume
	 * @param delay first delay, doubled at each attempt
	 * @param maxDelay longest delay
	 */
	public record Retry(int attempts, Duration delay, Duration maxDelay) {
	}

}
