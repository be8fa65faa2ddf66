package io.catalog.archive.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.catalog.archive.support.CatalogServer;
import io.catalog.archive.support.Connectors;
import io.catalog.archive.support.SampleData;
import io.catalog.archive.support.TestJobs;

/** The connector's meters, read from its actuator after a job. */
class JobMetricsTest {

	@TempDir
	Path temp;

	@Test
	void bytesFilesDatasetsAndTheJobsDurationAreOnTheActuator() throws Exception {
		var server = CatalogServer.get();
		var officer = server.officer();
		var sample = SampleData.create(officer, temp.resolve("source"), "metered", 12, 53, true);
		long bytes = 0;
		for (var file : sample.sha256().keySet()) {
			bytes += Files.size(sample.folder().resolve(file));
		}
		try (var connector = Connectors.start(Connectors.settings(server, temp.resolve("archive")))) {
			var jobId = TestJobs.create(officer, "archive", TestJobs.datasets(sample.pid()));
			TestJobs.finish(officer, jobId, "finishedSuccessful");
			var actuator = "http://127.0.0.1:" + connector.getEnvironment().getProperty("local.server.port")
					+ "/actuator/metrics/";

			assertThat(value(actuator + "archive.bytes?tag=type:archive", "COUNT")).isEqualTo(bytes);
			assertThat(value(actuator + "archive.files?tag=type:archive", "COUNT")).isEqualTo(12);
			assertThat(value(actuator + "archive.datasets?tag=type:archive&tag=outcome:ok", "COUNT")).isEqualTo(1);
			assertThat(value(actuator + "archive.job.duration?tag=status:finishedSuccessful", "COUNT")).isEqualTo(1);
			assertThat(value(actuator + "archive.job.duration?tag=status:finishedSuccessful", "TOTAL_TIME"))
				.isGreaterThan(0);
			assertThat(value(actuator + "archive.jobs.running", "VALUE")).isEqualTo(0);
			assertThat(value(actuator + "archive.jobs.waiting", "VALUE")).isEqualTo(0);
		}
	}

	private static double value(String url, String statistic) throws Exception {
		var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as("%s: %s", url, answer.body()).isEqualTo(200);
		for (JsonNode measurement : new ObjectMapper().readTree(answer.body()).path("measurements")) {
			if (statistic.equals(measurement.path("statistic").asText())) {
				return measurement.path("value").asDouble();
			}
		}
		throw new AssertionError(statistic + " not in " + answer.body());
	}

}
