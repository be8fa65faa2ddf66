package io.catalog.api.dataset;

import java.util.ArrayList;
import java.util.Date;
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

/** Creates, replaces and changes datasets by SciCat's rules: typed bodies, generated pids, lifecycle defaults. */
@Service
class DatasetService {

	private static final String SPLIT_HINT = "store large file lists as origdatablocks, not in the dataset";

	private final Catalog catalog;

	private final DatasetProperties properties;

	private final Pattern pidPattern;

	DatasetService(Catalog catalog, DatasetProperties properties) {
		this.catalog = catalog;
		this.properties = properties;
		this.pidPattern = properties.pidPattern();
	}

	/** Reads and checks a new dataset, without storing it. */
	Document validate(Map<String, Object> body, Caller caller) {
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

	Mono<Document> create(Map<String, Object> body, Caller caller) {
		return Mono.fromSupplier(() -> withDefaults(validate(body, caller)))
			.flatMap(dataset -> catalog.insert(Datasets.KIND, dataset, caller, SPLIT_HINT));
	}

	/** Replaces a dataset's fields whole; keeps its pid, creation stamps and the sizes kept from file lists. */
	Mono<Document> replace(String pid, Map<String, Object> body, Caller caller) {
		return catalog.existing(Datasets.KIND, pid).flatMap(before -> {
			catalog.policy().checkRead(caller, Datasets.KIND.resource(), before);
			catalog.policy().checkUpdate(caller, Datasets.KIND.resource(), before);
			var json = new LinkedHashMap<>(body);
			json.remove("pid");
			json.putIfAbsent("type", before.get("type"));
			var fields = DatasetSchemas.forType(json.get("type")).read(json, Schema.Mode.CREATE);
			var replacement = withDefaults(fields);
			DatasetSchemas.COMPUTED.forEach(key -> replacement.put(key, before.get(key)));
			List.of("_id", "createdBy", "createdAt").forEach(key -> replacement.put(key, before.get(key)));
			replacement.put("updatedBy", caller.username());
			replacement.put("updatedAt", new Date());
			return catalog.store().replace(Datasets.KIND, replacement);
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
			var update = new Document("$addToSet", new Document(fieldName, new Document("$each", values)))
				.append("$set", new Document("updatedBy", caller.username()).append("updatedAt", new Date()));
			return catalog.store().update(Datasets.KIND, pid, update);
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
			validate(body, caller);
			return List.of();
		}
		catch (InvalidInputException ex) {
			return ex.errors();
		}
	}

}
