package io.catalog.api.dataset;

import static io.catalog.api.schema.FieldType.ANY;
import static io.catalog.api.schema.FieldType.BOOLEAN;
import static io.catalog.api.schema.FieldType.COUNT;
import static io.catalog.api.schema.FieldType.DATE;
import static io.catalog.api.schema.FieldType.NUMBER;
import static io.catalog.api.schema.FieldType.OBJECT;
import static io.catalog.api.schema.FieldType.OBJECTS;
import static io.catalog.api.schema.FieldType.SIZE;
import static io.catalog.api.schema.FieldType.STRING;
import static io.catalog.api.schema.FieldType.STRINGS;

import java.util.Set;

import io.catalog.api.schema.Schema;

/** The dataset fields SciCat's v3 DTOs accept, for raw and derived datasets, and the lifecycle's. */
final class DatasetSchemas {

	static final Schema LIFECYCLE = Schema.builder()
		.optional(BOOLEAN, "archivable", "retrievable", "publishable", "isOnCentralDisk", "retrieveIntegrityCheck")
		.optional(DATE, "dateOfDiskPurging", "archiveRetentionTime", "dateOfPublishing", "publishedOn")
		.optional(STRING, "archiveStatusMessage", "retrieveStatusMessage", "exportedTo", "storageLocation")
		.optional(ANY, "archiveReturnMessage", "retrieveReturnMessage")
		.optional(STRING, "_id", "id") // the subdocument id SciCat's clients read and send back
		.build();

	/**
	 * The most characters of a free-text field (a description, a comment): about ten thousand words. Longer text
	 * belongs in an attachment or a file of the dataset; every word of these fields is kept in the search index.
	 */
	static final int FREE_TEXT = 65_536;

	/** The most characters of a job's log kept on the dataset. */
	static final int LOG_TEXT = 1_048_576;

	/** The text fields of the current schema, each at most {@link #FREE_TEXT} characters. */
	private static final String[] TEXT = { "ownerGroup", "instrumentGroup", "owner", "ownerEmail", "orcidOfOwner",
			"contactEmail", "sourceFolder", "sourceFolderHost", "validationStatus", "description", "datasetName",
			"classification", "license", "version", "comment", "runNumber", "scientificMetadataSchema", "creationLocation",
			"dataFormat", "type" };

	/** The fields of SciCat's current dataset schema (its v4 DTOs): what is stored, and the v4 update schema. */
	static final Schema CURRENT = Schema.builder()
		.optional(STRING, "ownerGroup", "instrumentGroup", "owner", "ownerEmail", "orcidOfOwner", "contactEmail",
				"sourceFolder", "sourceFolderHost", "validationStatus", "description", "datasetName", "classification",
				"license", "version", "comment", "runNumber", "scientificMetadataSchema", "creationLocation", "dataFormat",
				"jobLogData", "type")
		.optional(STRINGS, "accessGroups", "keywords", "sharedWith", "principalInvestigators", "proposalIds",
				"sampleIds", "instrumentIds", "inputDatasets", "usedSoftware")
		.optional(SIZE, "size", "packedSize")
		.optional(NUMBER, "dataQualityMetrics")
		.optional(COUNT, "numberOfFiles", "numberOfFilesArchived")
		.optional(DATE, "creationTime", "startTime", "endTime")
		.optional(BOOLEAN, "isPublished", "scientificMetadataValid")
		.optional(OBJECTS, "techniques", "relationships")
		.optional(OBJECT, "scientificMetadata", "jobParameters")
		.optional("datasetlifecycle", OBJECT, LIFECYCLE)
		.maxLength(FREE_TEXT, TEXT)
		.maxLength(LOG_TEXT, "jobLogData")
		.build();

	/** A v4 create: the current fields, of which SciCat's v4 DTO requires these. */
	static final Schema CREATE = CURRENT.with()
		.optional("pid", STRING)
		.required(STRING, "ownerGroup", "contactEmail", "sourceFolder", "datasetName", "type")
		.required("creationTime", DATE)
		.maxLength(FREE_TEXT, TEXT)
		.build();

	/** The v3 update schema: the current fields and the single-valued v3 names ({@link ObsoleteFields}). */
	static final Schema UPDATE = CURRENT.with().optional(STRING, ObsoleteFields.NAMES.toArray(String[]::new))
		.maxLength(FREE_TEXT, ObsoleteFields.NAMES.toArray(String[]::new))
		.build();

	static final Schema RAW = creatable().without("principalInvestigator")
		.required("principalInvestigator", STRING)
		.without("creationLocation")
		.required("creationLocation", STRING)
		.maxLength(FREE_TEXT, "principalInvestigator", "creationLocation")
		.build();

	static final Schema DERIVED = creatable().required("investigator", STRING)
		.maxLength(FREE_TEXT, "investigator")
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
			"instrumentIds", "inputDatasets", "usedSoftware", "techniques", "relationships", "principalInvestigators");

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
			.required("type", STRING)
			.maxLength(FREE_TEXT, "ownerGroup", "owner", "contactEmail", "sourceFolder", "type");
	}

	/** The v3 create schema of a type: SciCat's obsolete raw and derived DTOs, the current one for other types. */
	static Schema v3(Object type) {
		return switch (String.valueOf(type)) {
			case "raw" -> RAW;
			case "derived" -> DERIVED;
			default -> CREATE;
		};
	}

}
