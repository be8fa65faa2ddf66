package io.catalog.api.search;

import java.util.List;
import java.util.Map;

import io.catalog.api.dataset.Datasets;
import io.catalog.api.document.EntityKind;
import io.catalog.api.proposal.Proposals;
import io.catalog.api.sample.Samples;

/**
 * What an index keeps of one kind of document.
 *
 * @param kind the kind (its collection, id field and access resource)
 * @param facetFields fields kept as bitmaps per value (facets, filters and the read rule's fields)
 * @param textFields fields searched as text, with their weight in the ranking
 * @param metadataField the field of scientific metadata with units
 * @param timeField the field a {@code {begin, end}} window of the same name selects on
 * @param sortFields fields a page may be ordered by
 */
record Profile(EntityKind kind, List<String> facetFields, Map<String, Float> textFields, String metadataField,
		String timeField, List<String> sortFields) {

	static final Profile DATASETS = new Profile(Datasets.KIND,
			List.of("type", "creationLocation", "ownerGroup", "accessGroups", "keywords", "isPublished", "sharedWith",
					"instrumentIds", "proposalIds", "sampleIds", "owner", "techniques.name"),
			Map.of("datasetName", 4f, "keywords", 3f, "_id", 3f, "description", 2f, "owner", 1.5f,
					"ownerGroup", 1f, "creationLocation", 1f, "principalInvestigators", 1f, "scientificMetadata", 1f),
			"scientificMetadata", "creationTime",
			List.of("creationTime", "createdAt", "updatedAt", "datasetName", "size", "numberOfFiles", "pid", "type",
					"ownerGroup", "creationLocation", "owner"));

	static final Profile SAMPLES = new Profile(Samples.KIND, List.of("ownerGroup", "accessGroups", "isPublished", "owner"),
			Map.of("_id", 3f, "description", 2f, "owner", 1.5f, "ownerGroup", 1f, "sampleCharacteristics", 1f),
			"sampleCharacteristics", "createdAt", List.of("createdAt", "updatedAt", "sampleId", "owner", "ownerGroup"));

	static final Profile PROPOSALS = new Profile(Proposals.KIND,
			List.of("ownerGroup", "accessGroups", "isPublished", "type", "pi_email", "email", "instrumentIds"),
			Map.of("_id", 3f, "title", 4f, "abstract", 2f, "pi_firstname", 1.5f, "pi_lastname", 1.5f, "email", 1f,
					"firstname", 1f, "lastname", 1f, "ownerGroup", 1f, "metadata", 1f),
			"metadata", "startTime", List.of("startTime", "endTime", "createdAt", "updatedAt", "proposalId", "title"));

	String collection() {
		return kind.collection();
	}

}
