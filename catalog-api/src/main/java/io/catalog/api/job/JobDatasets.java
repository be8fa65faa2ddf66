package io.catalog.api.job;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import io.catalog.api.dataset.Datasets;
import io.catalog.api.document.Catalog;
import io.catalog.api.document.DocumentStore;

/**
 * The datasets a job names in {@code jobParams.datasetList}, checked as SciCat checks them: a non-empty list of
 * {@code {pid, files}} (nothing else), every pid an existing dataset and every file named one of that dataset's
 * files (an empty {@code files} means all of them). Each refusal is a 400 naming the field.
 */
@Component
class JobDatasets {

	private static final String FIELD = "jobParams.datasetList";

	private final DocumentStore store;

	JobDatasets(Catalog catalog) {
		this.store = catalog.store();
	}

	/** Checks the list's shape and that its datasets and files exist; answers the datasets in the list's order. */
	Mono<List<Document>> checked(Object datasetList) {
		return Mono.defer(() -> {
			var entries = shape(datasetList);
			var pids = entries.stream().map(e -> (String) e.get("pid")).toList();
			return load(pids).flatMap(found -> {
				var missing = pids.stream().filter(pid -> !found.containsKey(pid)).distinct().toList();
				if (!missing.isEmpty()) {
					return Mono.error(JobProblems.badRequest(FIELD, "Datasets with pid " + String.join(",", missing)
							+ " do not exist."));
				}
				return checkFiles(entries).thenReturn(pids.stream().map(found::get).distinct().toList());
			});
		});
	}

	/** The datasets of a list already checked, for an update's actions; those since deleted are left out. */
	Mono<List<Document>> of(List<?> datasetList) {
		var pids = datasetList.stream().filter(Map.class::isInstance).map(e -> ((Map<?, ?>) e).get("pid"))
			.filter(String.class::isInstance).map(String.class::cast).toList();
		return load(pids).map(found -> pids.stream().filter(found::containsKey).map(found::get).distinct().toList());
	}

	private static List<Map<?, ?>> shape(Object datasetList) {
		if (!(datasetList instanceof List<?> list)) {
			throw JobProblems.badRequest(FIELD, "Invalid dataset list");
		}
		if (list.isEmpty()) {
			throw JobProblems.badRequest(FIELD, "List of passed datasets is empty.");
		}
		var entries = new ArrayList<Map<?, ?>>();
		for (var item : list) {
			if (!(item instanceof Map<?, ?> entry) || entry.size() != 2 || !entry.containsKey("pid")
					|| !entry.containsKey("files")) {
				throw JobProblems.badRequest(FIELD, "Dataset list is expected to contain sets of pid and files.");
			}
			if (!(entry.get("pid") instanceof String)) {
				throw JobProblems.badRequest(FIELD, "In datasetList each 'pid' field should be a string.");
			}
			if (!(entry.get("files") instanceof List<?>)) {
				throw JobProblems.badRequest(FIELD, "In datasetList each 'files' field should be an array.");
			}
			entries.add(entry);
		}
		return entries;
	}

	private Mono<Map<String, Document>> load(List<String> pids) {
		if (pids.isEmpty()) {
			return Mono.just(Map.of());
		}
		return Flux.from(store.collection(Datasets.KIND.collection())
			.find(new Document("_id", new Document("$in", List.copyOf(new HashSet<>(pids))))))
			.collectMap(d -> String.valueOf(d.get("_id")), d -> d, LinkedHashMap::new);
	}

	private Mono<Void> checkFiles(List<Map<?, ?>> entries) {
		return Flux.fromIterable(entries).filter(e -> !((List<?>) e.get("files")).isEmpty())
			.concatMap(entry -> files((String) entry.get("pid")).map(known -> {
				var absent = ((List<?>) entry.get("files")).stream().map(String::valueOf).filter(f -> !known.contains(f))
					.toList();
				return absent.isEmpty() ? Map.<String, Object>of() : Map.<String, Object>of("pid", entry.get("pid"),
						"nonExistFiles", absent);
			}))
			.filter(result -> !result.isEmpty()).collectList()
			.flatMap(problems -> problems.isEmpty() ? Mono.empty()
					: Mono.error(filesMissing(problems)));
	}

	private static RuntimeException filesMissing(List<Map<String, Object>> problems) {
		var refusal = JobProblems.badRequest(FIELD, "At least one requested file could not be found.");
		refusal.getBody().setProperty("nonExistFiles", problems);
		return refusal;
	}

	/** The paths of a dataset's files, from its original datablocks. */
	private Mono<Set<String>> files(String pid) {
		return Flux.from(store.collection("OrigDatablock").find(new Document("datasetId", pid))
			.projection(new Document("dataFileList.path", 1)))
			.flatMapIterable(block -> block.getList("dataFileList", Document.class, List.of()))
			.map(file -> String.valueOf(file.get("path")))
			.collect(HashSet::new, Set::add);
	}

}
