package io.catalog.archive.catalog;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.catalog.sdk.CatalogClient;
import io.catalog.sdk.CatalogException;
import io.catalog.sdk.Filter;
import io.catalog.sdk.model.CreateDatasetDatablock;
import io.catalog.sdk.model.Datablock;
import io.catalog.sdk.model.Dataset;
import io.catalog.sdk.model.DatasetLifecycle;
import io.catalog.sdk.model.OrigDatablock;
import io.catalog.sdk.model.Policy;
import io.catalog.worker.Retry;
import io.catalog.worker.WorkerCatalog;

/**
 * Every catalog call the connector makes, each retried while the catalog does not answer ({@link Retry}): besides a
 * worker's jobs and datasets ({@link WorkerCatalog}), file lists and datablocks, lifecycles and policies.
 */
public final class Catalog extends WorkerCatalog {

	public Catalog(CatalogClient client, Retry retry) {
		super(client, retry);
	}

	public List<OrigDatablock> origDatablocks(String pid) {
		return retry.call("read the file lists of " + pid,
				() -> client.await(() -> client.datasets().listDatasetOrigDatablocks(pid)));
	}

	public List<Datablock> datablocks(String pid) {
		return retry.call("read the datablocks of " + pid,
				() -> client.await(() -> client.datasets().listDatasetDatablocks(pid)));
	}

	public Datablock register(String pid, CreateDatasetDatablock block) {
		return retry.call("register datablock " + block.getArchiveId(),
				() -> client.await(() -> client.datasets().createDatasetDatablock(pid, block)));
	}

	/** Changes the lifecycle fields set in {@code changes}, keeping the others. */
	public void lifecycle(String pid, DatasetLifecycle changes) {
		retry.run("update the lifecycle of " + pid,
				() -> client.await(() -> client.datasets().updateDatasetLifecycle(pid, changes)));
	}

	/** The policies that ask for datasets to be archived by themselves ({@code autoArchive}). */
	public List<Policy> autoArchivePolicies() {
		var filter = Filter.where("autoArchive", true).limit(1000).toJson();
		return retry.call("read the auto-archive policies", () -> client.await(() -> client.policies().listPolicies(filter)));
	}

	/**
	 * The oldest datasets of a group that were never archived and may be ({@code archivable}, {@code archiveStatusMessage
	 * datasetCreated}), oldest first.
	 */
	public List<Dataset> neverArchived(String ownerGroup, int limit) {
		var filter = Filter.where("ownerGroup", ownerGroup).and("datasetlifecycle.archivable", true)
			.and("datasetlifecycle.archiveStatusMessage", "datasetCreated").order("createdAt", true).limit(limit).toJson();
		return retry.call("find datasets of " + ownerGroup + " to archive",
				() -> client.await(() -> client.datasets().listDatasets(filter)));
	}

	/**
	 * Changes the lifecycle only if the dataset was not modified after {@code unmodifiedSince} (the catalog decides in
	 * its write, so of two callers who read the same version one wins); whether it changed.
	 */
	public boolean lifecycleIfUnmodified(String pid, DatasetLifecycle changes, OffsetDateTime unmodifiedSince) {
		var headers = Map.of("If-Unmodified-Since", unmodifiedSince.toInstant().toString());
		try {
			retry.run("update the lifecycle of " + pid,
					() -> client.await(() -> client.datasets().updateDatasetLifecycle(pid, changes, headers)));
			return true;
		}
		catch (CatalogException ex) {
			if (ex.status() == 412) {
				return false;
			}
			throw ex;
		}
	}

	/** The policies of the given owner groups. */
	public List<Policy> policies(List<String> ownerGroups) {
		if (ownerGroups.isEmpty()) {
			return List.of();
		}
		var filter = Filter.where("ownerGroup", Filter.inq(ownerGroups.toArray())).toJson();
		return retry.call("read the policies of " + ownerGroups,
				() -> client.await(() -> client.policies().listPolicies(filter)));
	}

}
