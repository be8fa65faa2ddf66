package io.catalog.api.datablock;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import io.catalog.api.access.Caller;
import io.catalog.api.dataset.Datasets;
import io.catalog.api.document.Catalog;
import io.catalog.api.document.InvalidInputException;
import io.catalog.api.document.Schema;
import io.catalog.api.web.Problems;

/**
 * Stores file lists (origdatablocks and datablocks) and keeps their dataset's size and file counters in step:
 * each change adds its difference to the dataset with one atomic {@code $inc}.
 */
@Service
class FileBlocks {

	private static final String SPLIT_HINT = "split dataFileList into several blocks of at most about 100 000 files each";

	private static final List<String> INHERITED = List.of("ownerGroup", "accessGroups", "instrumentGroup", "isPublished");

	private final Catalog catalog;

	FileBlocks(Catalog catalog) {
		this.catalog = catalog;
	}

	/** Reads and checks a new block for a dataset, without storing it. */
	Mono<Document> validate(BlockKind blocks, String datasetId, Map<String, Object> body, Schema schema, Caller caller) {
		return Mono.fromSupplier(() -> schema.read(body, Schema.Mode.CREATE))
			.flatMap(block -> catalog.existing(Datasets.KIND, datasetId).map(dataset -> {
				catalog.policy().checkCreate(caller, blocks.kind().resource(), block, dataset);
				if (block.containsKey("datasetId") && !datasetId.equals(block.get("datasetId"))) {
					throw new InvalidInputException("datasetId", "names another dataset than the path");
				}
				var files = (List<?>) block.get("dataFileList");
				if (files.isEmpty()) {
					throw new InvalidInputException("dataFileList", "must hold at least one file");
				}
				block.putIfAbsent("size", totalSize(files));
				block.put("_id", UUID.randomUUID().toString());
				block.put("datasetId", datasetId);
				INHERITED.forEach(key -> block.put(key, dataset.get(key)));
				return block;
			}));
	}

	Mono<Document> create(BlockKind blocks, String datasetId, Map<String, Object> body, Schema schema, Caller caller) {
		return validate(blocks, datasetId, body, schema, caller)
			.flatMap(block -> catalog.insert(blocks.kind(), block, caller, SPLIT_HINT))
			.flatMap(block -> count(blocks, datasetId, blocks.sizeOf(block), files(block)).thenReturn(block));
	}

	/** The blocks of a dataset the caller may read. */
	Mono<List<Map<String, Object>>> ofDataset(BlockKind blocks, String datasetId, Caller caller) {
		return catalog.readable(Datasets.KIND, caller, datasetId)
			.flatMap(dataset -> catalog.store().children(blocks.kind().collection(), "datasetId", datasetId)
				.map(blocks.kind()::toJson).collectList());
	}

	Mono<Document> patch(BlockKind blocks, String id, Map<String, Object> body, Caller caller) {
		return catalog.existing(blocks.kind(), id).flatMap(before -> catalog
			.patch(blocks.kind(), caller, id, body, blocks.nested(), Set.of())
			.flatMap(after -> count(blocks, (String) after.get("datasetId"),
					difference(blocks.sizeOf(after), blocks.sizeOf(before)), files(after) - files(before))
				.thenReturn(after)));
	}

	Mono<Document> delete(BlockKind blocks, String id, Caller caller) {
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

	private static Number difference(Number after, Number before) {
		if (after instanceof Long a && before instanceof Long b) {
			return a - b;
		}
		return (after == null ? 0 : after.doubleValue()) - (before == null ? 0 : before.doubleValue());
	}

}
