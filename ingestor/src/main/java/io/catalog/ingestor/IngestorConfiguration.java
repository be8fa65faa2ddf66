package io.catalog.ingestor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.catalog.ingestor.run.FolderWalker;
import io.catalog.ingestor.run.NexusReader;
import io.catalog.ingestor.run.RunIngestion;
import io.catalog.ingestor.run.RunReader;

/** Wires the catalog client and the run ingestion the routes share. */
@Configuration(proxyBeanMethods = false)
class IngestorConfiguration {

	@Bean
	Catalogs catalogs(IngestorProperties properties) {
		var catalog = properties.catalog();
		return Catalogs.connect(catalog.url(), catalog.token(), catalog.username(), catalog.password());
	}

	@Bean
	RunReader runReader(IngestorProperties properties) {
		return new RunReader(properties.pidPrefix());
	}

	@Bean
	RunIngestion runIngestion(Catalogs catalogs, IngestorProperties properties) {
		return new RunIngestion(catalogs.client(), catalogs.signIn(), new FolderWalker(properties.checksum()),
				NexusReader.of(properties.nexusMapping()), properties.filesPerBlock(), properties.archivableOnCreate());
	}

}
