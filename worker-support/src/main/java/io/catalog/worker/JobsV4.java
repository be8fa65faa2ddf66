package io.catalog.worker;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.catalog.sdk.CatalogClient;
import io.catalog.sdk.CatalogException;
import io.catalog.sdk.model.Job;
import io.catalog.sdk.model.Problem;
import io.catalog.sdk.model.UpdateJob;

/**
 * The catalog's v4 job routes through the SDK's HTTP client, sign-in and models. The SDK's generated
 * {@code JobsApi} calls {@code /api/v3/jobs}, whose SciCat v3 shapes have neither {@code statusMessage} nor
 * {@code statusHistory} and refuse the v4 {@code UpdateJob} body it sends; the v4 routes take and answer exactly the
 * SDK's {@link Job} and {@link UpdateJob}.
 */
public final class JobsV4 {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final CatalogClient client;

	private final ObjectMapper mapper;

	private final HttpClient http;

	public JobsV4(CatalogClient client) {
		this.client = client;
		this.mapper = client.apiClient().getObjectMapper();
		this.http = client.apiClient().getHttpClient();
	}

	public Job get(String id) throws IOException, InterruptedException {
		return send(request("/api/v4/jobs/" + encode(id)).GET(), new TypeReference<Job>() {
		});
	}

	public Job update(String id, UpdateJob update) throws IOException, InterruptedException {
		var body = HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(update));
		return send(request("/api/v4/jobs/" + encode(id)).header("Content-Type", "application/json")
			.method("PATCH", body), new TypeReference<Job>() {
			});
	}

	/** Creates a job from its v4 body ({@code type}, {@code ownerGroup}, {@code jobParams}, ...). */
	public Job create(Map<String, Object> body) throws IOException, InterruptedException {
		var bytes = HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body));
		return send(request("/api/v4/jobs").header("Content-Type", "application/json").POST(bytes),
				new TypeReference<Job>() {
				});
	}

	public List<Job> find(String filter) throws IOException, InterruptedException {
		return send(request("/api/v4/jobs?filter=" + encode(filter)).GET(), new TypeReference<List<Job>>() {
		});
	}

	private HttpRequest.Builder request(String path) {
		client.await(client.refreshIfNeeded());
		var api = client.apiClient();
		var request = HttpRequest.newBuilder(URI.create(api.getBaseUri() + path)).timeout(TIMEOUT)
			.header("Accept", "application/json");
		if (api.getRequestInterceptor() != null) {
			api.getRequestInterceptor().accept(request);
		}
		return request;
	}

	private <T> T send(HttpRequest.Builder request, TypeReference<T> type) throws IOException, InterruptedException {
		HttpResponse<byte[]> answer;
		try {
			answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new CatalogException(0, null, ex);
		}
		if (answer.statusCode() / 100 != 2) {
			Problem problem = null;
			try {
				problem = mapper.readValue(answer.body(), Problem.class);
			}
			catch (IOException notAProblem) {
				// the status says enough
			}
			throw new CatalogException(answer.statusCode(), problem, null);
		}
		return mapper.readValue(answer.body(), type);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
