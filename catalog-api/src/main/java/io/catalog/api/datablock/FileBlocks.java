package io.catalog.api.datablock;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import io.catalog.api.access.Caller;
import io.catalog.api.dataset.Datasets;
import io.catalog.api.document.Catalog;
import io.catalog.api.document.Stamps;
import io.catalog.api.schema.Json;
import io.catalog.api.schema.Schema;
import io.catalog.api.web.FieldError;
import io.catalog.api.web.InvalidInputException;
import io.catalog.api.web.Problems;

/**
 * Stores file lists (origdatablocks and datablocks) and keeps their dataset's size and file counters in step:
 * each change adds its difference to the dataset with one atomic {@code $inc}.
 */
@Service
class FileBlocks {

	private static final String SPLIT_HINT = "split dataFileList into several blocks of at most about 100 000 files each";

	/** What a change may not touch: the dataset a block belongs to and the access it takes from it. */
	private static final Set<String> FIXED = Set.of("datasetId", "ownerGroup", "accessGroups", "instrumentGroup");

	private static final List<String> INHERITED = List.of("ownerGroup", "accessGroups", "instrumentGroup", "isPublished");

	private final Catalog catalog;

	FileBlocks(Catalog catalog) {
		this.catalog = catalog;
	}

	/**
	 * Reads and checks the blocks that come with a new dataset, as {@link #validate} does for one, under the path
	 * {@code <field>[i]}; their ids derive from the dataset's pid and their place, so a repeated request makes the
	 * same ones. Adds their sizes and file counts to the dataset's counters.
	 */
	List<Document> readWithDataset(BlockKind blocks, Document dataset, List<?> bodies, String field, Caller caller) {
		var errors = new ArrayList<FieldError>();
		var read = new ArrayList<Document>(bodies.size());
		for (int i = 0; i < bodies.size(); i++) {
			var path = field + "[" + i + "]";
			try {
				if (!(bodies.get(i) instanceof Map<?, ?> body)) {
					throw new InvalidInputException(path, "must be a file list object");
				}
				var block = blocks.nested().read(Json.stringKeys(body), Schema.Mode.CREATE);
				read.add(completed(blocks, block, dataset, (String) dataset.get("_id"), caller));
				var id = dataset.get("_id") + "/" + blocks.kind().collection() + "/" + i;
				block.put("_id", UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString());
				Stamps.requireStorable(Stamps.created(block, caller), SPLIT_HINT);
			}
			catch (InvalidInputException ex) {
				ex.errors().forEach(error -> errors.add(new FieldError(path + "." + error.field(), error.reason())));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		for (var block : read) {
			dataset.put(blocks.sizeField(), sum((Number) dataset.get(blocks.sizeField()), blocks.sizeOf(block)));
			dataset.put(blocks.countField(), ((Number) dataset.get(blocks.countField())).longValue() + files(block));
		}
		return read;
	}

	/** Reads and checks a new block for a dataset, without storing it. */
	Mono<Document> validate(BlockKind blocks, String datasetId, Map<String, Object> body, Schema schema, Caller caller) {
		return Mono.fromSupplier(() -> schema.read(body, Schema.Mode.CREATE))
			.flatMap(block -> catalog.existing(Datasets.KIND, datasetId).map(dataset -> {
				block.put("_id", UUID.randomUUID().toString());
				return completed(blocks, block, dataset, datasetId, caller);
			}));
	}

	/** A block checked against its dataset, with the fields it takes from it. */
	private Document completed(BlockKind blocks, Document block, Document dataset, String datasetId, Caller caller) {
		catalog.policy().checkCreate(caller, blocks.kind().resource(), block, dataset);
		if (block.containsKey("datasetId") && !datasetId.equals(block.get("datasetId"))) {
			throw new InvalidInputException("datasetId", "names another dataset than the path");
		}
		checkContent(block);
		block.putIfAbsent("size", totalSize((List<?>) block.get("dataFileList")));
		block.put("datasetId", datasetId);
		INHERITED.forEach(key -> block.put(key, dataset.get(key)));
		return block;
	}

	Mono<Document> create(BlockKind blocks, String datasetId, Map<String, Object> body, Schema schema, Caller caller) {
		return validate(blocks, datasetId, body, schema, caller)
			.flatMap(block -> catalog.insert(blocks.kind(), block, caller, SPLIT_HINT)
				.onErrorMap(FileBlocks::duplicateKey, ex -> Problems.conflict("a " + blocks.kind().collection()
						+ " with archiveId " + block.get("archiveId") + " is already stored")))
			.flatMap(block -> count(blocks, datasetId, blocks.sizeOf(block), files(block)).thenReturn(block));
	}

	/** How many blocks of this kind the dataset has, if the caller may read the dataset. */
	Mono<Map<String, Object>> countOfDataset(BlockKind blocks, String datasetId, Caller caller) {
		return catalog.readable(Datasets.KIND, caller, datasetId)
			.flatMap(dataset -> catalog.store().count(blocks.kind(), new Document("datasetId", datasetId), new Document()))
			.map(count -> Map.of("count", count));
	}

	/**
	 * Deletes every block of this kind the dataset has, one by one (each recorded and taken off the counters), if the
	 * caller may read the dataset and delete its file lists; answers how many went.
	 */
	Mono<Map<String, Object>> deleteOfDataset(BlockKind blocks, String datasetId, Caller caller) {
		return catalog.readable(Datasets.KIND, caller, datasetId)
			.doOnNext(dataset -> catalog.policy().checkDelete(caller, blocks.kind().resource(), dataset))
			.flatMap(dataset -> catalog.store().children(blocks.kind().collection(), "datasetId", datasetId)
				.concatMap(block -> delete(blocks, block.get("_id"), caller))
				.count())
			.map(count -> Map.of("count", count));
	}

	/** The blocks of a dataset the caller may read. */
	Mono<List<Map<String, Object>>> ofDataset(BlockKind blocks, String datasetId, Caller caller) {
		return catalog.readable(Datasets.KIND, caller, datasetId)
			.flatMap(dataset -> catalog.store().children(blocks.kind().collection(), "datasetId", datasetId)
				.map(blocks.kind()::toJson).collectList());
	}

	Mono<Document> patch(BlockKind blocks, String id, Map<String, Object> body, Caller caller) {
		return catalog.existing(blocks.kind(), id).flatMap(before -> Mono.fromRunnable(() -> checkContent(merged(before, body)))
			.then(catalog.patch(blocks.kind(), caller, id, body, blocks.nested(), FIXED))
			.flatMap(after -> count(blocks, (String) after.get("datasetId"),
					difference(blocks.sizeOf(after), blocks.sizeOf(before)), files(after) - files(before))
				.thenReturn(after)));
	}

	Mono<Document> delete(BlockKind blocks, Object id, Caller caller) {
		return catalog.delete(blocks.kind(), caller, id)
			.flatMap(deleted -> count(blocks, (String) deleted.get("datasetId"),
					difference(0L, blocks.sizeOf(deleted)), -files(deleted))
				.thenReturn(deleted));
	}

	/** The block if it belongs to the dataset, or 404. */
	Mono<Document> inDataset(BlockKind blocks, String datasetId, String id) {
		return catalog.existing(blocks.kind(), id)
			.filter(block -> datasetId.equals(block.get("datasetId")))
			.switchIfEmpty(Mono.error(() -> Problems.notFound(blocks.kind().collection(), id)));
	}

	private Mono<Void> count(BlockKind blocks, String datasetId, Number size, long files) {
		var increments = new Document(blocks.sizeField(), size).append(blocks.countField(), files);
		return catalog.store().update(Datasets.KIND, datasetId, new Document("$inc", increments)).then();
	}

	/** What a stored block must hold whatever the route: files, and a checksum algorithm that names one. */
	private static void checkContent(Document block) {
		if (!(block.get("dataFileList") instanceof List<?> files) || files.isEmpty()) {
			throw new InvalidInputException("dataFileList", "must hold at least one file");
		}
		if (block.get("chkAlg") instanceof String algorithm && algorithm.isBlank()) {
			throw new InvalidInputException("chkAlg", "must name the checksum algorithm, or be left out");
		}
	}

	/** The block as it would be after a change, for {@link #checkContent} (the schema checks the types). */
	private static Document merged(Document before, Map<String, Object> change) {
		var after = new Document(before);
		for (String key : List.of("dataFileList", "chkAlg")) {
			if (change.containsKey(key)) {
				after.put(key, change.get(key));
			}
		}
		return after;
	}

	private static boolean duplicateKey(Throwable ex) {
		return ex instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
	}

	private static long files(Document block) {
		return block.get("dataFileList") instanceof List<?> files ? files.size() : 0;
	}

	private static Number totalSize(List<?> files) {
		long whole = 0;
		double fractional = 0;
		for (Object file : files) {
			var size = (Number) ((Document) file).get("size");
			if (size instanceof Long bytes) {
				whole += bytes;
			}
			else {
				fractional += size.doubleValue();
			}
		}
		return fractional == 0 ? (Number) whole : (Number) (whole + fractional);
	}

	private static Number sum(Number a, Number b) {
		if (a instanceof Long x && b instanceof Long y) {
			return x + y;
		}
		return a.doubleValue() + b.doubleValue();
	}

	private static Number difference(Number after, Number before) {
		if (after instanceof Long a && before instanceof Long b) {
			return a - b;
		}
		return (after == null ? 0 : after.doubleValue()) - (before == null ? 0 : before.doubleValue());
	}

}
