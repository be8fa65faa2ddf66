package io.catalog.worker;

import java.util.List;
import java.util.Map;

import io.catalog.sdk.CatalogClient;
import io.catalog.sdk.Filter;
import io.catalog.sdk.model.Dataset;
import io.catalog.sdk.model.Job;
import io.catalog.sdk.model.UpdateJob;

/**
 * The catalog calls every worker makes, each retried while the catalog does not answer ({@link Retry}): sign-in, the
 * worker's jobs and the datasets they name. A worker's own catalog adds its calls on the same client and retry.
 */
public class WorkerCatalog {

	protected final CatalogClient client;

	protected final Retry retry;

	private final JobsV4 jobs;

	public WorkerCatalog(CatalogClient client, Retry retry) {
		this.client = client;
		this.jobs = new JobsV4(client);
		this.retry = retry;
	}

	/** Signs in with a fixed token, or as a functional account (again after a 401). */
	public static CatalogClient connect(String url, String token, String username, String password) {
		if (url == null || url.isBlank()) {
			throw new IllegalArgumentException("CATALOG_URL is not set");
		}
		var client = CatalogClient.of(url);
		if (token != null && !token.isBlank()) {
			return client.withToken(token);
		}
		if (username == null || username.isBlank()) {
			throw new IllegalArgumentException("set CATALOG_TOKEN, or CATALOG_USERNAME and CATALOG_PASSWORD");
		}
		client.login(username, password).exceptionally(failure -> null).join();
		return client;
	}

	public Job job(String id) {
		return retry.call("read job " + id, () -> jobs.get(id));
	}

	/** Sets a job's status, message and (when not null) result. */
	public Job updateJob(String id, String statusCode, String statusMessage, Map<String, Object> result) {
		var update = new UpdateJob().statusCode(statusCode).statusMessage(statusMessage);
		if (result != null) {
			update.jobResultObject(result);
		}
		return retry.call("update job " + id, () -> jobs.update(id, update));
	}

	/** Jobs of the given types in the given status. */
	public List<Job> jobs(List<String> types, String statusCode) {
		var filter = Filter.where("statusCode", statusCode).and("type", Filter.inq(types.toArray())).limit(1000)
			.toJson();
		return retry.call("find " + statusCode + " jobs", () -> jobs.find(filter));
	}

	/** Creates a job from its v4 body ({@code type}, {@code ownerGroup}, {@code jobParams}, ...). */
	public Job createJob(Map<String, Object> body) {
		return retry.call("create a " + body.get("type") + " job", () -> jobs.create(body));
	}

	public Dataset dataset(String pid) {
		return retry.call("read dataset " + pid, () -> client.await(() -> client.datasets().getDataset(pid)));
	}

	/** The retry policy, for a worker's own steps. */
	public Retry retry() {
		return retry;
	}

}
