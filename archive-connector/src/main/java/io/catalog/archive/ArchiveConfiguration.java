package io.catalog.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.catalog.archive.archive.Checksums;
import io.catalog.archive.archive.Copies;
import io.catalog.archive.archive.DatasetArchiver;
import io.catalog.archive.catalog.Catalog;
import io.catalog.worker.Retry;
import io.catalog.archive.job.JobClaims;
import io.catalog.worker.JobListener;
import io.catalog.archive.job.JobRunner;
import io.catalog.archive.notify.JobMailer;
import io.catalog.archive.policy.AutoArchiver;
import io.catalog.archive.retrieve.DatasetRetriever;
import io.catalog.archive.retrieve.Destinations;
import io.catalog.archive.storage.BlockStore;
import io.catalog.archive.storage.FolderStore;
import io.catalog.archive.storage.S3Store;
import io.catalog.sdk.CatalogClient;
import io.micrometer.core.instrument.MeterRegistry;

/** Wires the catalog client, the storage, the archiver and retriever, and the job runner and listener. */
@Configuration(proxyBeanMethods = false)
class ArchiveConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ArchiveConfiguration.class);

	@Bean
	CatalogClient catalogClient(ArchiveProperties properties) {
		var catalog = properties.catalog();
		return Catalog.connect(catalog.url(), catalog.token(), catalog.username(), catalog.password());
	}

	@Bean
	Catalog catalog(CatalogClient client, ArchiveProperties properties) {
		return catalog(client, properties.catalog(), properties.retry());
	}

	private static Catalog catalog(CatalogClient client, ArchiveProperties.Catalog account,
			ArchiveProperties.Retry retry) {
		Runnable signIn = account.username() == null || account.username().isBlank() ? () -> {
		} : () -> client.login(account.username(), account.password()).exceptionally(failure -> null).join();
		return new Catalog(client, new Retry(retry.attempts(), retry.delay(), retry.maxDelay(), signIn));
	}

	@Bean
	BlockStore blockStore(ArchiveProperties properties) throws IOException {
		var storage = properties.storage();
		return store(storage, storage.folder(), storage.s3().prefix());
	}

	@Bean
	Copies copies(ArchiveProperties properties) throws IOException {
		var storage = properties.storage();
		var stores = new ArrayList<BlockStore>();
		for (var copy : storage.copies()) {
			stores.add(store(storage, copy, copy));
		}
		return new Copies(stores);
	}

	/** The folder store at {@code folder}, or the S3 store with key prefix {@code prefix}. */
	private static BlockStore store(ArchiveProperties.Storage storage, String folder, String prefix) throws IOException {
		if ("s3".equalsIgnoreCase(storage.type())) {
			var s3 = storage.s3();
			return new S3Store(S3Store.client(s3.endpoint(), s3.region(), s3.accessKey(), s3.secretKey()), s3.bucket(),
					prefix, s3.partSize().toBytes());
		}
		if (!"folder".equalsIgnoreCase(storage.type())) {
			throw new IllegalArgumentException("ARCHIVE_STORAGE must be folder or s3, not " + storage.type());
		}
		return new FolderStore(Path.of(folder));
	}

	@Bean
	DatasetArchiver datasetArchiver(Catalog catalog, BlockStore store, Copies copies, CatalogClient client,
			ArchiveProperties properties) {
		var algorithm = Checksums.jdkName(properties.checksum());
		if (algorithm == null) {
			throw new IllegalArgumentException("ARCHIVE_CHECKSUM " + properties.checksum() + " is not an algorithm of the JDK");
		}
		return new DatasetArchiver(catalog, store, copies, client.apiClient().getObjectMapper(), algorithm,
				properties.blockSize().toBytes(), properties.blockMaxFiles(), properties.pauseAfterBlock());
	}

	@Bean
	DatasetRetriever datasetRetriever(Catalog catalog, BlockStore store, Copies copies, ArchiveProperties properties) {
		var stores = new ArrayList<BlockStore>(List.of(store));
		stores.addAll(copies.stores());
		return new DatasetRetriever(catalog, stores, new Destinations(properties.allowedRoots()));
	}

	@Bean(destroyMethod = "close")
	JobRunner jobRunner(Catalog catalog, DatasetArchiver archiver, DatasetRetriever retriever,
			ArchiveProperties properties, MeterRegistry meters) {
		var mail = properties.mail();
		var mailer = new JobMailer(catalog, mail.host(), mail.port(), mail.secure(), mail.from());
		var claims = new JobClaims(catalog, properties.connectorId(), properties.lease(), Clock.systemUTC());
		var runner = new JobRunner(catalog, claims, archiver, retriever, mailer, properties.concurrency(),
				properties.progressInterval(), properties.lease(), meters);
		runner.startResuming(properties.resumeInterval());
		return runner;
	}

	@Bean(destroyMethod = "close")
	AutoArchiver autoArchiver(Catalog catalog, ArchiveProperties properties) {
		var auto = properties.autoArchive();
		if (!auto.enabled()) {
			log.info("auto-archiving is off: set ARCHIVE_AUTO_INTERVAL and ARCHIVE_AUTO_USERNAME (or ARCHIVE_AUTO_TOKEN)");
			return new AutoArchiver(catalog, catalog, Clock.systemUTC());
		}
		var account = new ArchiveProperties.Catalog(properties.catalog().url(), auto.token(), auto.username(),
				auto.password());
		var client = Catalog.connect(account.url(), account.token(), account.username(), account.password());
		var archiver = new AutoArchiver(catalog, catalog(client, account, properties.retry()), Clock.systemUTC());
		archiver.start(auto.interval());
		return archiver;
	}

	@Bean
	JobListener jobListener(JobRunner runner, ArchiveProperties properties) {
		var kafka = properties.kafka();
		if (kafka.bootstrapServers() == null || kafka.bootstrapServers().isBlank()) {
			throw new IllegalArgumentException("KAFKA_BOOTSTRAP_SERVERS is not set: the connector hears jobs from Kafka");
		}
		return new JobListener(kafka.bootstrapServers(), kafka.groupId(),
				List.of(kafka.archiveTopic(), kafka.retrieveTopic()), runner, "archive-jobs");
	}

}
