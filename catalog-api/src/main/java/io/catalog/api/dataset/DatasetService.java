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

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import io.catalog.api.access.Caller;
import io.catalog.api.document.Catalog;
import io.catalog.api.document.DocumentStore;
import io.catalog.api.policy.DefaultPolicies;
import io.catalog.api.schema.Schema;
import io.catalog.api.web.FieldError;
import io.catalog.api.web.InvalidInputException;
import io.catalog.api.web.Problems;

/** Creates, replaces and changes datasets by SciCat's rules: typed bodies, generated pids, lifecycle defaults. */
@Service
class DatasetService {

	private static final String SPLIT_HINT = "store large file lists as origdatablocks, not in the dataset";

	private final Catalog catalog;

	private final DatasetProperties properties;

	private final Pattern pidPattern;

	private final DatasetFileLists fileLists;

	private final DatasetTypes types;

	private final MetadataSchemas metadataSchemas;

	private final DefaultPolicies policies;

	private final DatasetDefaults defaults;

	DatasetService(Catalog catalog, DatasetProperties properties, DatasetFileLists fileLists, DatasetTypes types,
			MetadataSchemas metadataSchemas, DefaultPolicies policies) {
		this.catalog = catalog;
		this.policies = policies;
		this.defaults = new DatasetDefaults(properties);
		this.types = types;
		this.metadataSchemas = metadataSchemas;
		this.properties = properties;
		this.pidPattern = properties.pidPattern();
		this.fileLists = fileLists;
	}

	/**
	 * Reads and checks a new dataset with its defaults, and the file lists its request carries under
	 * {@code origdatablocks} (none without), without storing anything.
	 */
	NewDataset read(Map<String, Object> body, Caller caller, Api api) {
		var fields = new LinkedHashMap<>(body);
		var bodies = fields.remove(DatasetFileLists.FIELD);
		boolean chosenPid = fields.get("pid") != null;
		var dataset = defaults.applied(validate(fields, caller, api), api);
		if (bodies == null) {
			return new NewDataset(dataset, List.of(), chosenPid);
		}
		if (!(bodies instanceof List<?> list)) {
			throw new InvalidInputException(DatasetFileLists.FIELD, "must be a list of file lists");
		}
		return new NewDataset(dataset, fileLists.read(dataset, list, caller), chosenPid);
	}

	private Document validate(Map<String, Object> body, Caller caller, Api api) {
		var dataset = read(body, api);
		var pid = dataset.remove("pid");
		catalog.policy().checkCreateDataset(caller, dataset, pid != null);
		if (pid != null && pidPattern != null && !pidPattern.matcher((String) pid).matches()) {
			throw new InvalidInputException("pid", "PID is not following required standards: " + pidPattern.pattern());
		}
		dataset.put("_id", pid != null ? pid : properties.newPid(UUID.randomUUID().toString()));
		dataset.put("pid", dataset.get("_id"));
		dataset.put("__v", 0);
		return dataset;
	}

	/**
	 * Reads a whole dataset body as the API version writes it: v3 by SciCat's obsolete raw and derived DTOs (its
	 * single-valued fields stored in their lists, a missing name taken from the source folder), v4 and other types
	 * by the current one.
	 */
	private Document read(Map<String, Object> body, Api api) {
		var type = body.get("type");
		if (!(type instanceof String name) || name.isBlank() || !types.accepts(name)) {
			throw new InvalidInputException("type", "Invalid dataset type! must be one of " + types.describe());
		}
		if (api == Api.V4) {
			return Emails.checked(body, () -> DatasetSchemas.CREATE.read(body, Schema.Mode.CREATE));
		}
		var json = new LinkedHashMap<>(body);
		if (List.of("raw", "derived").contains(type) && json.get("datasetName") == null
				&& json.get("sourceFolder") instanceof String folder) {
			json.put("datasetName", nameOf(folder));
		}
		return ObsoleteFields.toCurrent(Emails.checked(json, () -> DatasetSchemas.v3(type).read(json, Schema.Mode.CREATE)));
	}

	/** SciCat's default name: the last two parts of the source folder. */
	private static String nameOf(String folder) {
		var parts = java.util.Arrays.stream(folder.split("/")).filter(part -> !part.isEmpty()).toList();
		return String.join("/", parts.subList(Math.max(0, parts.size() - 2), parts.size()));
	}

	/**
	 * Stores a new dataset, and the file lists its request carries: those first, so the dataset is never seen
	 * without them (the answer is the dataset, its counters including them: a run's file list is not sent back).
	 * A pid the client chose is claimed first, so that of concurrent creates of one pid only one writes anything.
	 */
	Mono<Document> create(Map<String, Object> body, Caller caller, Api api) {
		return Mono.fromSupplier(() -> read(body, caller, api))
			.flatMap(created -> withValidity(created.dataset(), null).thenReturn(created))
			.flatMap(created -> policies.classify(created.dataset()).flatMap(policyMissing -> store(created, caller)
				.flatMap(dataset -> countInProposals(dataset, 1)
					.then(policyMissing ? policies.create(dataset, caller) : Mono.empty())
					.thenReturn(dataset))));
	}

	private Mono<Document> store(NewDataset created, Caller caller) {
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
	}

	/**
	 * The fields with {@code scientificMetadataValid} decided when they (or, for a change, they with the stored
	 * dataset) carry both metadata and a schema, as SciCat decides it.
	 */
	<M extends Map<String, Object>> Mono<M> withValidity(M fields, Document stored) {
		if (!fields.containsKey("scientificMetadata") && !fields.containsKey("scientificMetadataSchema")) {
			return Mono.just(fields);
		}
		var metadata = fields.containsKey("scientificMetadata") || stored == null ? fields.get("scientificMetadata")
				: stored.get("scientificMetadata");
		var schema = fields.containsKey("scientificMetadataSchema") || stored == null
				? fields.get("scientificMetadataSchema") : stored.get("scientificMetadataSchema");
		if (!(metadata instanceof Map<?, ?> values) || !(schema instanceof String url) || url.isBlank()) {
			return Mono.just(fields);
		}
		return metadataSchemas.valid(values, url).map(valid -> {
			fields.put("scientificMetadataValid", valid);
			return fields;
		});
	}

	/** A change of some fields with {@code scientificMetadataValid} decided anew when it touches the metadata. */
	Mono<Map<String, Object>> withValidity(String pid, Map<String, Object> fields) {
		if (!fields.containsKey("scientificMetadata") && !fields.containsKey("scientificMetadataSchema")) {
			return Mono.just(fields);
		}
		return catalog.store().get(Datasets.KIND, pid).flatMap(stored -> withValidity(fields, stored))
			.defaultIfEmpty(fields);
	}

	/** SciCat keeps {@code numberOfDatasets} on each proposal a dataset lists. */
	private Mono<Void> countInProposals(Document dataset, int change) {
		if (!(dataset.get("proposalIds") instanceof List<?> ids) || ids.isEmpty()) {
			return Mono.empty();
		}
		return catalog.store().updateEach("Proposal", ids, new Document("$inc", new Document("numberOfDatasets", change)))
			.then();
	}

	/** Replaces a dataset's fields whole; keeps its pid, creation stamps and the sizes kept from file lists. */
	Mono<Document> replace(String pid, Map<String, Object> body, Caller caller, Api api) {
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
			var replacement = defaults.applied(read(json, api), api);
			catalog.checkOwnerGroup(Datasets.KIND, caller, before, replacement.get("ownerGroup"));
			replacement.remove("scientificMetadataValid");
			DatasetSchemas.COMPUTED.forEach(key -> replacement.put(key, before.get(key)));
			List.of("createdBy", "createdAt").forEach(key -> replacement.put(key, before.get(key)));
			replacement.put("pid", before.get("_id"));
			return withValidity(replacement, null)
				.flatMap(checked -> catalog.replace(Datasets.KIND, caller, before, checked, SPLIT_HINT));
		});
	}

	/** A dataset's lifecycle as JSON, if the caller may read the dataset. */
	Mono<Object> lifecycle(String pid, Caller caller) {
		return catalog.readable(Datasets.KIND, caller, pid)
			.map(dataset -> Datasets.KIND.toJson(dataset).getOrDefault("datasetlifecycle", Map.of()));
	}

	/** Changes a dataset's lifecycle and answers the lifecycle as it is afterwards, as SciCat does. */
	Mono<Object> updateLifecycle(String pid, Map<String, Object> body, Caller caller) {
		if (body == null || body.isEmpty()) {
			return Mono.error(new InvalidInputException("datasetlifecycle", "must name at least one field",
					"dataset lifecycle DTO must not be empty"));
		}
		return catalog.store().get(Datasets.KIND, pid)
			.switchIfEmpty(Mono.error(() -> Problems.of(HttpStatus.NOT_FOUND, "dataset with pid " + pid + " not found")))
			.flatMap(before -> {
				catalog.policy().checkRead(caller, Datasets.KIND.resource(), before);
				catalog.policy().checkUpdateLifecycle(caller, before);
				var lifecycle = DatasetSchemas.LIFECYCLE.read(body, Schema.Mode.UPDATE);
				var fields = new Document();
				lifecycle.forEach((key, value) -> fields.put("datasetlifecycle." + key, value));
				return catalog.set(Datasets.KIND, caller, before, fields);
			})
			.map(after -> Datasets.KIND.toJson(after).getOrDefault("datasetlifecycle", Map.of()));
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
				.filter(relation -> relation.listKey() == null)
				.concatMap(relation -> catalog.store().deleteChildren(relation.collection(), relation.foreignKey(), pid))
				.then(countInProposals(deleted, -1))
				.then(Mono.just(deleted)));
	}

	/** Why a body would be refused, or nothing when it would be accepted. */
	List<FieldError> problems(Map<String, Object> body, Caller caller, Api api) {
		try {
			read(body, caller, api);
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
