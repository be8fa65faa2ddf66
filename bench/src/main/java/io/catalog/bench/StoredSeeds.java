package io.catalog.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.catalog.api.units.Quantities;

/**
 * The seeds beyond what the bench ingests over HTTP, written straight into the catalog's collections in the form
 * the catalog stores them (dates as dates, quantities with SI values, counters), in batches.
 */
final class StoredSeeds {

	private static final int BATCH = 500;

	private StoredSeeds() {
	}

	/**
	 * Writes datasets {@code from} to {@code to}; {@code withFiles} also their file lists. Without, a dataset keeps
	 * its counters but its list is not written: at a million datasets the lists would add some 35 GB to the
	 * embedded store and most of an hour, and nothing the measured queries read; reopening such a store would take
	 * as long again (mongo-java-server reads every document to rebuild its indexes), so the bench rebuilds the search
	 * index in place then.
	 */
	static void insert(MongoDatabase database, int from, int to, boolean withFiles) {
		var datasets = database.getCollection("Dataset");
		var blocks = database.getCollection("OrigDatablock");
		Flux.range(0, (to - from + BATCH - 1) / BATCH).concatMap(batch -> {
			var datasetBatch = new ArrayList<Document>();
			var blockBatch = new ArrayList<Document>();
			for (int i = from + batch * BATCH; i < Math.min(to, from + (batch + 1) * BATCH); i++) {
				var json = Seeds.dataset(i);
				var block = block(Seeds.origDatablock(i, json));
				datasetBatch.add(dataset(json, block));
				blockBatch.add(block);
			}
			var written = Mono.from(datasets.insertMany(datasetBatch));
			return withFiles ? written.then(Mono.from(blocks.insertMany(blockBatch))) : written.then();
		}).blockLast();
	}

	private static Document dataset(Map<String, Object> json, Document block) {
		var now = new Date();
		var dataset = new Document(json);
		dataset.put("_id", dataset.remove("pid"));
		dataset.put("creationTime", Date.from(Instant.parse((String) json.get("creationTime"))));
		dataset.put("scientificMetadata", Quantities.normalise((Map<?, ?>) json.get("scientificMetadata")).metadata());
		dataset.put("size", block.get("size"));
		dataset.put("numberOfFiles", (long) ((List<?>) block.get("dataFileList")).size());
		dataset.put("sharedWith", List.of());
		dataset.put("version", "v3");
		dataset.put("createdBy", "ingestor");
		dataset.put("updatedBy", "ingestor");
		dataset.put("createdAt", now);
		dataset.put("updatedAt", now);
		return dataset;
	}

	private static Document block(Map<String, Object> json) {
		var block = new Document(json);
		block.put("_id", UUID.randomUUID().toString());
		var files = new ArrayList<Document>();
		for (Object file : (List<?>) json.get("dataFileList")) {
			var copy = new Document(cast(file));
			copy.put("time", Date.from(Instant.parse((String) copy.get("time"))));
			files.add(copy);
		}
		block.put("dataFileList", files);
		return block;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> cast(Object file) {
		return (Map<String, Object>) file;
	}

}
