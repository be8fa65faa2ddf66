package io.catalog.launcher.catalog;

import java.util.List;
import java.util.Map;

import io.catalog.sdk.CatalogClient;
import io.catalog.sdk.Filter;
import io.catalog.sdk.model.CreateDatasetRequest;
import io.catalog.sdk.model.CreateDerivedDataset;
import io.catalog.sdk.model.Dataset;
import io.catalog.sdk.model.Job;
import io.catalog.sdk.model.UpdateJob;
import io.catalog.worker.Retry;
import io.catalog.worker.JobsV4;

/**
 * Every catalog call the launcher makes, each retried while the catalog does not answer ({@link Retry}): jobs, the
 * datasets they name, and the derived datasets that runs make.
 */
public final class Catalog {

	private final CatalogClient client;

	private final JobsV4 jobs;

	private final Retry retry;

	public Catalog(CatalogClient client, Retry retry) {
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

	public Dataset dataset(String pid) {
		return retry.call("read dataset " + pid, () -> client.await(() -> client.datasets().getDataset(pid)));
	}

	/** Creates a derived dataset (with its file list) and answers it as stored. */
	public Dataset createDerived(CreateDerivedDataset dataset) {
		return retry.call("create derived dataset " + dataset.getDatasetName(),
				() -> client.await(() -> client.datasets().createDataset(new CreateDatasetRequest(dataset))));
	}

	/** The datasets derived from {@code pid} (those naming it in {@code inputDatasets}). */
	public List<Dataset> derivedFrom(String pid) {
		var filter = Filter.where("inputDatasets", Filter.inq(pid)).toJson();
		return retry.call("find the datasets derived from " + pid,
				() -> client.await(() -> client.datasets().listDatasets(filter)));
	}

}
