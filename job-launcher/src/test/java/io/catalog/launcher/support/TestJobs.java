package io.catalog.launcher.support;

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

/** Jobs as a scientist creates, watches and cancels them, through the catalog's v4 job routes. */
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
		var job = awaitFinished(client, id, Duration.ofSeconds(120));
		if (!status.equals(job.get("statusCode"))) {
			throw new AssertionError("job " + id + " ended " + job.get("statusCode") + ", not " + status + ": " + job);
		}
		return job;
	}

	/** An analysis job's parameters: the tool, its values and the datasets ({@code map}: one run per dataset). */
	public static Map<String, Object> analysis(String tool, Map<String, Object> parameters, boolean map,
			String... pids) {
		return Map.of("tool", tool, "parameters", parameters, "map", map, "datasetList",
				List.of(pids).stream().map(pid -> Map.of("pid", pid, "files", List.of())).toList());
	}

	/** A Jupyter session's parameters: the datasets it opens. */
	public static Map<String, Object> session(String... pids) {
		return Map.of("datasetList", List.of(pids).stream().map(pid -> Map.of("pid", pid, "files", List.of())).toList());
	}

	/** Creates a job and answers the catalog's refusal: its status and body (an AssertionError when it is created). */
	public static String refused(CatalogClient client, String type, Map<String, Object> jobParams, int status) {
		try {
			create(client, type, jobParams);
		}
		catch (AssertionError refused) {
			if (refused.getMessage().contains(": " + status + " ")) {
				return refused.getMessage();
			}
			throw refused;
		}
		throw new AssertionError("the catalog created the job");
	}

	/** Sets a job's status as a job-privileged account may. */
	public static Map<String, Object> update(CatalogClient client, String id, String statusCode, String statusMessage) {
		return send(client, "PATCH", "/api/v4/jobs/" + id, Map.of("statusCode", statusCode, "statusMessage", statusMessage));
	}

	/** Cancels a job as its owner may. */
	public static Map<String, Object> cancel(CatalogClient client, String id) {
		return send(client, "PATCH", "/api/v4/jobs/" + id,
				Map.of("statusCode", "jobCancelled", "statusMessage", "cancelled by its owner"));
	}

	/** Waits until {@code condition} holds for the job; answers it. */
	public static Map<String, Object> await(CatalogClient client, String id, java.util.function.Predicate<Map<String, Object>> condition,
			Duration timeout) {
		var deadline = Instant.now().plus(timeout);
		while (true) {
			var job = get(client, id);
			if (condition.test(job)) {
				return job;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("job " + id + " not as awaited within " + timeout + ": " + job);
			}
			sleep(50);
		}
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
