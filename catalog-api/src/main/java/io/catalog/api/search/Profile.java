package io.catalog.api.search;

import java.util.List;
import java.util.Map;

/**
 * What an index keeps of one collection's documents.
 *
 * @param collection the MongoDB collection
 * @param facetFields fields kept as bitmaps per value (facets, filters and the read rule's fields)
 * @param textFields fields searched as text, with their weight in the ranking
 * @param metadataField the field of scientific metadata with units
 * @param timeField the field {@code creationTime{begin,end}} selects on
 * @param sortFields fields a page may be ordered by
 */
record Profile(String collection, List<String> facetFields, Map<String, Float> textFields, String metadataField,
		String timeField, List<String> sortFields) {

	static final Profile DATASETS = new Profile("Dataset",
			List.of("type", "creationLocation", "ownerGroup", "accessGroups", "keywords", "isPublished", "sharedWith",
					"instrumentId", "proposalId", "sampleId", "owner", "techniques.name"),
			Map.of("datasetName", 4f, "keywords", 3f, "_id", 3f, "description", 2f, "owner", 1.5f,
					"ownerGroup", 1f, "creationLocation", 1f, "principalInvestigator", 1f, "scientificMetadata", 1f),
			"scientificMetadata", "creationTime",
			List.of("creationTime", "createdAt", "updatedAt", "datasetName", "size", "numberOfFiles", "pid", "type",
					"ownerGroup", "creationLocation", "owner"));

}
