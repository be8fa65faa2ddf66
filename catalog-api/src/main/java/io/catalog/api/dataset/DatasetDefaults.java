package io.catalog.api.dataset;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;

/** What SciCat stores in a new dataset beyond its body: its defaults, and its lifecycle's dates by the data policy. */
final class DatasetDefaults {

	private final DatasetProperties properties;

	DatasetDefaults(DatasetProperties properties) {
		this.properties = properties;
	}

	/** The new dataset with SciCat's defaults where it names nothing: counters, flags, lists, version, lifecycle. */
	Document applied(Document dataset, Api api) {
		var sourceFolder = (String) dataset.get("sourceFolder");
		if (sourceFolder != null && sourceFolder.length() > 1 && sourceFolder.endsWith("/")) {
			dataset.put("sourceFolder", sourceFolder.substring(0, sourceFolder.length() - 1));
		}
		for (String key : DatasetSchemas.COMPUTED) {
			dataset.putIfAbsent(key, 0L);
		}
		dataset.putIfAbsent("isPublished", false);
		for (String key : List.of("keywords", "sharedWith", "techniques", "relationships", "accessGroups", "inputDatasets",
				"usedSoftware")) {
			dataset.putIfAbsent(key, new ArrayList<>());
		}
		dataset.putIfAbsent("scientificMetadata", new Document());
		dataset.putIfAbsent("version", api.version());
		var lifecycle = lifecycleDefaults();
		if (dataset.get("datasetlifecycle") instanceof Document given) {
			lifecycle.putAll(given);
		}
		dataset.put("datasetlifecycle", lifecycle);
		return dataset;
	}

	/** SciCat's stored lifecycle of a new dataset: flags, statuses and the dates its data policy shifts. */
	private Document lifecycleDefaults() {
		var today = LocalDate.now(ZoneOffset.UTC);
		return new Document("_id", new ObjectId())
			.append("archivable", true)
			.append("retrievable", false)
			.append("publishable", false)
			.append("dateOfDiskPurging", new Date())
			.append("archiveRetentionTime", day(today.plusYears(properties.policyRetentionShift())))
			.append("dateOfPublishing", day(today.plusYears(properties.policyPublicationShift())))
			.append("publishedOn", new Date())
			.append("isOnCentralDisk", true)
			.append("archiveStatusMessage", "datasetCreated")
			.append("retrieveStatusMessage", "")
			.append("retrieveIntegrityCheck", false);
	}

	private static Date day(LocalDate date) {
		return Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
	}

}
