package io.catalog.launcher.catalog;

import java.util.List;

import io.catalog.sdk.CatalogClient;
import io.catalog.sdk.Filter;
import io.catalog.sdk.model.CreateDatasetRequest;
import io.catalog.sdk.model.CreateDerivedDataset;
import io.catalog.sdk.model.Dataset;
import io.catalog.worker.Retry;
import io.catalog.worker.WorkerCatalog;

/**
 * Every catalog call the launcher makes, each retried while the catalog does not answer ({@link Retry}): besides a
 * worker's jobs and datasets ({@link WorkerCatalog}), the derived datasets that runs make.
 */
public final class Catalog extends WorkerCatalog {

	public Catalog(CatalogClient client, Retry retry) {
		super(client, retry);
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
