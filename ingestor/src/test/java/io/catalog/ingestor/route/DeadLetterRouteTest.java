package io.catalog.ingestor.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.catalog.ingestor.IngestorApplication;
import io.catalog.ingestor.run.InvalidRunException;
import io.catalog.ingestor.support.CatalogServer;

/** A refused run of a source the dead-letter route has no place for is kept with its reason, never dropped. */
@SpringBootTest(classes = IngestorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class DeadLetterRouteTest {

	private static Path kept;

	@Autowired
	ProducerTemplate camel;

	@BeforeAll
	static void folder() throws Exception {
		kept = Files.createTempDirectory("ingestor-dead-letter-");
	}

	@AfterAll
	static void cleanUp() {
		org.springframework.util.FileSystemUtils.deleteRecursively(kept.toFile());
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws Exception {
		int nobody = CatalogServer.freePort();
		registry.add("ingestor.catalog.url", () -> "http://127.0.0.1:" + nobody);
		registry.add("ingestor.catalog.token", () -> "any");
		registry.add("ingestor.dead-letter-dir", () -> kept.toString());
	}

	@Test
	void aRefusedRunOfAnUnknownSourceIsKeptWithItsReason() throws Exception {
		camel.send("direct:dead-letter", exchange -> {
			exchange.setProperty(Runs.SOURCE, "http");
			exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new InvalidRunException("the catalog refused the run: 400 no"));
			exchange.getMessage().setBody("{\"runId\":\"kept-1\"}".getBytes(StandardCharsets.UTF_8));
		});
		try (Stream<Path> files = Files.list(kept)) {
			var names = files.map(path -> path.getFileName().toString()).toList();
			var run = names.stream().filter(name -> name.endsWith(".run")).findFirst().orElseThrow();
			assertThat(Files.readString(kept.resolve(run))).isEqualTo("{\"runId\":\"kept-1\"}");
			assertThat(Files.readString(kept.resolve(run.replace(".run", ".reason.txt"))))
				.contains("the catalog refused the run: 400 no");
		}
	}

}
