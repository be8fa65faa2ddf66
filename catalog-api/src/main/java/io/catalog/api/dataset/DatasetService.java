package io.catalog.api.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import io.catalog.api.access.Caller;
import io.catalog.api.document.Catalog;
import io.catalog.api.document.DocumentStore;
import io.catalog.api.document.FieldError;
import io.catalog.api.document.InvalidInputException;
import io.catalog.api.document.Schema;
import io.catalog.api.web.Problems;

/** Creates, replaces and changes datasets by SciCat's rules: typed bodies, generated pids, lifecycle defaults. */
@Service
class DatasetService {

	private static final String SPLIT_HINT = "store large file lists as origdatablocks, not in the dataset";

	private final Catalog catalog;

	private final DatasetProperties properties;

	private final Pattern pidPattern;

	private final DatasetFileLists fileLists;

	DatasetService(Catalog catalog, DatasetProperties properties, DatasetFileLists fileLists) {
		this.catalog = catalog;
		this.properties = properties;
		this.pidPattern = properties.pidPattern();
		this.fileLists = fileLists;
	}

	/**
	 * Reads and checks a new dataset with its defaults, and the file lists its request carries under
	 * {@code origdatablocks} (none without), without storing anything.
	 */
	NewDataset read(Map<String, Object> body, Caller caller) {
		var fields = new LinkedHashMap<>(body);
		var bodies = fields.remove(DatasetFileLists.FIELD);
		boolean chosenPid = fields.get("pid") != null;
		var dataset = withDefaults(validate(fields, caller));
		if (bodies == null) {
			return new NewDataset(dataset, List.of(), chosenPid);
		}
		if (!(bodies instanceof List<?> list)) {
			throw new InvalidInputException(DatasetFileLists.FIELD, "must be a list of file lists");
		}
		return new NewDataset(dataset, fileLists.read(dataset, list, caller), chosenPid);
	}

	private Document validate(Map<String, Object> body, Caller caller) {
		var type = body.get("type");
		if (!"raw".equals(type) && !"derived".equals(type)) {
			throw new InvalidInputException("type", "Wrong dataset type! must be raw or derived");
		}
		var dataset = DatasetSchemas.forType(type).read(body, Schema.Mode.CREATE);
		var pid = dataset.remove("pid");
		if (pid != null && pidPattern != null && !pidPattern.matcher((String) pid).matches()) {
			throw new InvalidInputException("pid", "PID is not following required standards: " + pidPattern.pattern());
		}
		catalog.policy().checkCreateDataset(caller, dataset, pid != null);
		dataset.put("_id", pid != null ? pid : properties.newPid(UUID.randomUUID().toString()));
		return dataset;
	}

	/**
	 * Stores a new dataset, and the file lists its request carries: those first, so the dataset is never seen
	 * without them (the answer is the dataset, its counters including them: a run's file list is not sent back).
	 * A pid the client chose is claimed first, so that of concurrent creates of one pid only one writes anything.
	 */
	Mono<Document> create(Map<String, Object> body, Caller caller) {
		return Mono.fromSupplier(() -> read(body, caller)).flatMap(created -> {
			var dataset = created.dataset();
			if (created.chosenPid()) {
				return catalog.insertClaimed(Datasets.KIND, dataset, fileLists.kind(), DatasetFileLists.FOREIGN_KEY,
						created.fileLists(), caller, SPLIT_HINT);
			}
			if (created.fileLists().isEmpty()) {
				return catalog.insert(Datasets.KIND, dataset, caller, SPLIT_HINT);
			}
			return catalog.insertWithChildren(Datasets.KIND, dataset, fileLists.kind(), created.fileLists(), caller,
					SPLIT_HINT);
		});
	}

	/** Replaces a dataset's fields whole; keeps its pid, creation stamps and the sizes kept from file lists. */
	Mono<Document> replace(String pid, Map<String, Object> body, Caller caller) {
		return catalog.existing(Datasets.KIND, pid).flatMap(before -> {
			catalog.policy().checkRead(caller, Datasets.KIND.resource(), before);
			catalog.policy().checkUpdate(caller, Datasets.KIND.resource(), before);
			var json = new LinkedHashMap<>(body);
			json.remove("pid");
			if (json.remove(DatasetFileLists.FIELD) instanceof List<?> lists && !lists.isEmpty()) {
				throw new InvalidInputException(DatasetFileLists.FIELD, "a replace keeps the file lists; add them with POST "
						+ "/datasets/{pid}/origdatablocks");
			}
			json.putIfAbsent("type", before.get("type"));
			var fields = DatasetSchemas.forType(json.get("type")).read(json, Schema.Mode.CREATE);
			catalog.checkOwnerGroup(Datasets.KIND, caller, before, fields.get("ownerGroup"));
			var replacement = withDefaults(fields);
			DatasetSchemas.COMPUTED.forEach(key -> replacement.put(key, before.get(key)));
			List.of("createdBy", "createdAt").forEach(key -> replacement.put(key, before.get(key)));
			return catalog.replace(Datasets.KIND, caller, before, replacement, SPLIT_HINT);
		});
	}

	Mono<Document> updateLifecycle(String pid, Map<String, Object> body, Caller caller) {
		return catalog.existing(Datasets.KIND, pid).flatMap(before -> {
			catalog.policy().checkRead(caller, Datasets.KIND.resource(), before);
			catalog.policy().checkUpdateLifecycle(caller, before);
			var lifecycle = DatasetSchemas.LIFECYCLE.read(body, Schema.Mode.UPDATE);
			var fields = new Document();
			lifecycle.forEach((key, value) -> fields.put("datasetlifecycle." + key, value));
			return catalog.set(Datasets.KIND, caller, before, fields);
		});
	}

	/** Adds values to an array field, skipping those already there. */
	Mono<Document> append(String pid, String fieldName, List<?> data, Caller caller) {
		if (fieldName == null || !DatasetSchemas.ARRAYS.contains(fieldName)) {
			return Mono.error(new InvalidInputException("fieldName", "must be one of " + DatasetSchemas.ARRAYS));
		}
		var values = DatasetSchemas.UPDATE.read(Map.of(fieldName, data), Schema.Mode.UPDATE).get(fieldName);
		return catalog.existing(Datasets.KIND, pid).flatMap(before -> {
			catalog.policy().checkRead(caller, Datasets.KIND.resource(), before);
			catalog.policy().checkUpdate(caller, Datasets.KIND.resource(), before);
			return catalog.addToSets(Datasets.KIND, caller, before, Map.of(fieldName, (List<?>) values), SPLIT_HINT);
		});
	}

	/** Deletes a dataset, then its file lists and attachments. */
	Mono<Document> delete(String pid, Caller caller) {
		return catalog.delete(Datasets.KIND, caller, pid)
			.flatMap(deleted -> Flux.fromIterable(Datasets.KIND.relations().values())
				.concatMap(relation -> catalog.store().deleteChildren(relation.collection(), relation.foreignKey(), pid))
				.then(Mono.just(deleted)));
	}

	static Document withDefaults(Document dataset) {
		var sourceFolder = (String) dataset.get("sourceFolder");
		if (sourceFolder != null && sourceFolder.length() > 1 && sourceFolder.endsWith("/")) {
			dataset.put("sourceFolder", sourceFolder.substring(0, sourceFolder.length() - 1));
		}
		for (String key : DatasetSchemas.COMPUTED) {
			dataset.putIfAbsent(key, 0L);
		}
		dataset.putIfAbsent("isPublished", false);
		for (String key : List.of("keywords", "sharedWith", "techniques", "relationships", "accessGroups")) {
			dataset.putIfAbsent(key, new ArrayList<>());
		}
		dataset.putIfAbsent("scientificMetadata", new Document());
		dataset.putIfAbsent("version", "v3");
		var lifecycle = lifecycleDefaults();
		if (dataset.get("datasetlifecycle") instanceof Document given) {
			lifecycle.putAll(given);
		}
		dataset.put("datasetlifecycle", lifecycle);
		return dataset;
	}

	private static Document lifecycleDefaults() {
		return new Document("archivable", true)
			.append("retrievable", false)
			.append("publishable", false)
			.append("isOnCentralDisk", true)
			.append("archiveStatusMessage", "datasetCreated")
			.append("retrieveStatusMessage", "")
			.append("archiveReturnMessage", new Document())
			.append("retrieveReturnMessage", new Document())
			.append("retrieveIntegrityCheck", false);
	}

	/** Why a body would be refused, or nothing when it would be accepted. */
	List<FieldError> problems(Map<String, Object> body, Caller caller) {
		try {
			read(body, caller);
			return List.of();
		}
		catch (InvalidInputException ex) {
			return ex.errors();
		}
	}

	/**
	 * A dataset about to be created.
	 *
	 * @param dataset the dataset, checked and completed
	 * @param fileLists the file lists that come with it, checked and completed
	 * @param chosenPid whether the client chose the pid (else it was generated, and no other create can take it)
	 */
	record NewDataset(Document dataset, List<Document> fileLists, boolean chosenPid) {
	}

}
