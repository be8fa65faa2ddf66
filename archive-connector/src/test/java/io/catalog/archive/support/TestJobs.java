package io.catalog.archive.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.catalog.sdk.CatalogClient;

/** Jobs as a data-policy officer creates and watches them, through the catalog's v4 job routes. */
public final class TestJobs {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Set<String> FINAL = Set.of("finishedSuccessful", "finishedUnsuccessful",
			"finishedWithDatasetErrors", "jobCancelled");

	private TestJobs() {
	}

	/** Creates a job of {@code type} for group1 with these job parameters; answers its id. */
	public static String create(CatalogClient client, String type, Map<String, Object> jobParams) {
		var body = Map.of("type", type, "ownerGroup", "group1", "jobParams", jobParams);
		var job = send(client, "POST", "/api/v4/jobs", body);
		return (String) job.get("id");
	}

	/** The job as the catalog shows it (v4). */
	public static Map<String, Object> get(CatalogClient client, String id) {
		return send(client, "GET", "/api/v4/jobs/" + id, null);
	}

	/** Waits until the job is finished or cancelled; answers it. */
	public static Map<String, Object> awaitFinished(CatalogClient client, String id, Duration timeout) {
		var deadline = Instant.now().plus(timeout);
		while (true) {
			var job = get(client, id);
			if (FINAL.contains(job.get("statusCode"))) {
				return job;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("job " + id + " not finished within " + timeout + ": " + job);
			}
			sleep(50);
		}
	}

	/** Waits until the job is finished and checks it ended in {@code status}; answers it. */
	public static Map<String, Object> finish(CatalogClient client, String id, String status) {
		var job = awaitFinished(client, id, Duration.ofSeconds(300));
		if (!status.equals(job.get("statusCode"))) {
			throw new AssertionError("job " + id + " ended " + job.get("statusCode") + ", not " + status + ": " + job);
		}
		return job;
	}

	/** One archive or retrieve job's datasets as {@code jobParams.datasetList}. */
	public static Map<String, Object> datasets(String... pids) {
		return Map.of("datasetList", List.of(pids).stream().map(pid -> Map.of("pid", pid, "files", List.of())).toList());
	}

	private static Map<String, Object> send(CatalogClient client, String method, String path, Object body) {
		try {
			var api = client.apiClient();
			var request = HttpRequest.newBuilder(URI.create(api.getBaseUri() + path)).header("Content-Type",
					"application/json");
			api.getRequestInterceptor().accept(request);
			request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
			var answer = api.getHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() / 100 != 2) {
				throw new AssertionError(method + " " + path + ": " + answer.statusCode() + " " + answer.body());
			}
			return JSON.readValue(answer.body(), new TypeReference<Map<String, Object>>() {
			});
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
