package io.catalog.archive;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The archive connector service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ArchiveConnectorApplication {

	public static void main(String[] args) {
		SpringApplication.run(ArchiveConnectorApplication.class, args);
	}

}
