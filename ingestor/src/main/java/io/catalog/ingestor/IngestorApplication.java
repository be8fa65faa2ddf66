package io.catalog.ingestor;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import io.catalog.ingestor.cli.IngestCommand;

/** The ingestor service; {@code ingest ...} as first argument runs the command line instead. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestorApplication {

	public static void main(String[] args) {
		if (args.length > 0 && "ingest".equals(args[0])) {
			System.exit(IngestCommand.run(Arrays.copyOfRange(args, 1, args.length), System.getenv(), System.out,
					System.err));
		}
		SpringApplication.run(IngestorApplication.class, args);
	}

}
