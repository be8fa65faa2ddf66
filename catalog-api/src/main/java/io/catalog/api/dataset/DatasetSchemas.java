package io.catalog.api.dataset;

import static io.catalog.api.document.FieldType.ANY;
import static io.catalog.api.document.FieldType.BOOLEAN;
import static io.catalog.api.document.FieldType.COUNT;
import static io.catalog.api.document.FieldType.DATE;
import static io.catalog.api.document.FieldType.NUMBER;
import static io.catalog.api.document.FieldType.OBJECT;
import static io.catalog.api.document.FieldType.OBJECTS;
import static io.catalog.api.document.FieldType.SIZE;
import static io.catalog.api.document.FieldType.STRING;
import static io.catalog.api.document.FieldType.STRINGS;

import java.util.Set;

import io.catalog.api.document.Schema;

/** The dataset fields SciCat's v3 DTOs accept, for raw and derived datasets, and the lifecycle's. */
final class DatasetSchemas {

	static final Schema LIFECYCLE = Schema.builder()
		.optional(BOOLEAN, "archivable", "retrievable", "publishable", "isOnCentralDisk", "retrieveIntegrityCheck")
		.optional(DATE, "dateOfDiskPurging", "archiveRetentionTime", "dateOfPublishing", "publishedOn")
		.optional(STRING, "archiveStatusMessage", "retrieveStatusMessage", "exportedTo", "storageLocation")
		.optional(ANY, "archiveReturnMessage", "retrieveReturnMessage")
		.build();

	/** Fields any dataset may carry; the update schema. */
	static final Schema UPDATE = Schema.builder()
		.optional(STRING, "ownerGroup", "instrumentGroup", "owner", "ownerEmail", "orcidOfOwner", "contactEmail",
				"sourceFolder", "sourceFolderHost", "validationStatus", "description", "datasetName", "classification",
				"license", "version", "comment", "proposalId", "runNumber", "scientificMetadataSchema",
				"principalInvestigator", "creationLocation", "dataFormat", "sampleId", "instrumentId", "investigator",
				"jobLogData", "type")
		.optional(STRINGS, "accessGroups", "keywords", "sharedWith", "proposalIds", "sampleIds", "instrumentIds",
				"inputDatasets", "usedSoftware")
		.optional(SIZE, "size", "packedSize")
		.optional(NUMBER, "dataQualityMetrics")
		.optional(COUNT, "numberOfFiles", "numberOfFilesArchived")
		.optional(DATE, "creationTime", "startTime", "endTime")
		.optional(BOOLEAN, "isPublished", "scientificMetadataValid")
		.optional(OBJECTS, "techniques", "relationships")
		.optional(OBJECT, "scientificMetadata", "jobParameters")
		.optional("datasetlifecycle", OBJECT, LIFECYCLE)
		.build();

	static final Schema RAW = creatable().required("principalInvestigator", STRING)
		.required("creationLocation", STRING)
		.build();

	static final Schema DERIVED = creatable().required("investigator", STRING)
		.required("inputDatasets", STRINGS)
		.required("usedSoftware", STRINGS)
		.build();

	/** What filters may name, typed: every field plus the ones the catalog keeps. */
	static final Schema QUERY = UPDATE.with()
		.optional("pid", STRING)
		.optional(DATE, "createdAt", "updatedAt")
		.optional(STRING, "createdBy", "updatedBy")
		.build();

	/** Fields that hold lists, which {@code appendToArrayField} may extend. */
	static final Set<String> ARRAYS = Set.of("accessGroups", "keywords", "sharedWith", "proposalIds", "sampleIds",
			"instrumentIds", "inputDatasets", "usedSoftware", "techniques", "relationships");

	/** Kept by the catalog from the file lists; a replace leaves them as they are. */
	static final Set<String> COMPUTED = Set.of("size", "packedSize", "numberOfFiles", "numberOfFilesArchived");

	private DatasetSchemas() {
	}

	private static Schema.Builder creatable() {
		return UPDATE.with()
			.optional("pid", STRING)
			.required("ownerGroup", STRING)
			.required("owner", STRING)
			.required("contactEmail", STRING)
			.required("sourceFolder", STRING)
			.required("creationTime", DATE)
			.required("type", STRING);
	}

	static Schema forType(Object type) {
		return "raw".equals(type) ? RAW : DERIVED;
	}

}
