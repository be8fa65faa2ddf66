package io.catalog.api.dataset;

import java.util.Map;

import io.catalog.api.access.Resource;
import io.catalog.api.document.EntityKind;
import io.catalog.api.document.EntityKind.Relation;

/** The dataset kind: SciCat's {@code Dataset} collection, {@code _id} = pid, with the documents a filter may include. */
public final class Datasets {

	public static final EntityKind KIND = new EntityKind(Resource.DATASET, "Dataset", "pid", DatasetSchemas.QUERY,
			Map.of("origdatablocks", new Relation("OrigDatablock", "datasetId", "_id"),
					"datablocks", new Relation("Datablock", "datasetId", "_id"),
					"attachments", Relation.targeting("Attachment", "datasetId", "dataset", "aid"),
					"instruments", Relation.listed("Instrument", "instrumentIds", "pid", Resource.INSTRUMENT),
					"proposals", Relation.listed("Proposal", "proposalIds", "proposalId", Resource.PROPOSAL),
					"samples", Relation.listed("Sample", "sampleIds", "sampleId", Resource.SAMPLE)));

	private Datasets() {
	}

}
