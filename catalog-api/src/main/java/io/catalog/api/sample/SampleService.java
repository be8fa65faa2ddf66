package io.catalog.api.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import io.catalog.api.access.Caller;
import io.catalog.api.dataset.Datasets;
import io.catalog.api.document.Catalog;
import io.catalog.api.schema.Schema;

/** Creates samples by SciCat's rules and finds the datasets measured on one. */
@Service
class SampleService {

	private static final String SIZE_HINT = "keep large data out of sampleCharacteristics";

	private final Catalog catalog;

	SampleService(Catalog catalog) {
		this.catalog = catalog;
	}

	/** Reads, completes and checks a new sample, then stores it; 409 if its sampleId is taken. */
	Mono<Document> create(Map<String, Object> body, Caller caller) {
		return Mono.fromSupplier(() -> {
			var sample = Samples.CREATE.read(body, Schema.Mode.CREATE);
			var id = sample.get("sampleId") instanceof String chosen ? chosen : UUID.randomUUID().toString();
			sample.put("_id", id);
			sample.put("sampleId", id);
			sample.putIfAbsent("sampleCharacteristics", new Document());
			sample.putIfAbsent("isPublished", false);
			sample.putIfAbsent("accessGroups", new ArrayList<>());
			catalog.policy().checkCreate(caller, Samples.KIND.resource(), sample, null);
			return sample;
		}).flatMap(sample -> catalog.insert(Samples.KIND, sample, caller, SIZE_HINT));
	}

	/** The datasets of a sample the caller may read (SciCat's scalar sampleId or the newer sampleIds). */
	Mono<List<Map<String, Object>>> datasets(String id, String filterJson, Caller caller) {
		return catalog.readable(Samples.KIND, caller, id).flatMap(sample -> {
			var filter = catalog.filter(Datasets.KIND, filterJson);
			var ofSample = new Document("$or", List.of(new Document("sampleId", id), new Document("sampleIds", id)));
			var where = filter.where().isEmpty() ? ofSample : new Document("$and", List.of(filter.where(), ofSample));
			return catalog.list(Datasets.KIND, caller, filter.withWhere(where));
		});
	}

}
