package io.catalog.launcher;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The job launcher: runs the catalog's analysis jobs next to the data and catalogues what they make. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class JobLauncherApplication {

	public static void main(String[] args) {
		SpringApplication.run(JobLauncherApplication.class, args);
	}

}
