package io.catalog.ingestor.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.catalog.ingestor.IngestorApplication;
import io.catalog.ingestor.support.CatalogServer;
import io.catalog.ingestor.support.RunFolders;

/** ErrorPolicy with a catalog that does not answer: retries with backoff, counted, then failed/ with the reason. */
@SpringBootTest(classes = IngestorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ErrorPolicyTest {

	private static Path temp;

	@Autowired
	MeterRegistry meters;

	@BeforeAll
	static void folders() throws Exception {
		temp = Files.createTempDirectory("ingestor-retry-");
		Files.createDirectories(temp.resolve("drop"));
	}

	@AfterAll
	static void cleanUp() {
		org.springframework.util.FileSystemUtils.deleteRecursively(temp.toFile());
	}

	@DynamicPropertySource
	static void deadCatalog(DynamicPropertyRegistry registry) throws Exception {
		int nobody = CatalogServer.freePort();
		registry.add("ingestor.catalog.url", () -> "http://127.0.0.1:" + nobody);
		registry.add("ingestor.catalog.token", () -> "any");
		registry.add("ingestor.drop.dir", () -> temp.resolve("drop").toString());
		registry.add("ingestor.drop.delay", () -> "200ms");
		registry.add("ingestor.retry.max-redeliveries", () -> "3");
		registry.add("ingestor.retry.delay", () -> "50ms");
	}

	@Test
	void aCatalogThatDoesNotAnswerIsRetriedThenTheFileMovesToFailedWithTheReason() throws Exception {
		var folder = RunFolders.withFiles(temp, "unanswered", 1);
		var drop = temp.resolve("drop");
		Files.writeString(drop.resolve("run.json"), RunFolders.runDocument("retry-run", folder, "unanswered run"));
		await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(drop.resolve("failed/run.json")));
		assertThat(Files.readString(drop.resolve("failed/run.json.reason.txt"))).contains("catalog unavailable");
		assertThat(meters.counter("ingestor.runs.retried", "source", "file").count()).isEqualTo(3);
	}

}
