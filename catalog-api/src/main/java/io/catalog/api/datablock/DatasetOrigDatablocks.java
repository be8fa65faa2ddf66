package io.catalog.api.datablock;

import java.util.List;

import org.bson.Document;

import org.springframework.stereotype.Component;

import io.catalog.api.access.Caller;
import io.catalog.api.dataset.DatasetFileLists;
import io.catalog.api.document.EntityKind;
import io.catalog.api.schema.Schema;

/** Reads the origdatablocks a dataset's create request carries, by the rules of {@code POST /origdatablocks}. */
@Component
class DatasetOrigDatablocks implements DatasetFileLists {

	private final FileBlocks fileBlocks;

	DatasetOrigDatablocks(FileBlocks fileBlocks) {
		this.fileBlocks = fileBlocks;
	}

	@Override
	public EntityKind kind() {
		return BlockKind.ORIG.kind();
	}

	@Override
	public Schema schema() {
		return BlockKind.ORIG.nested();
	}

	@Override
	public List<Document> read(Document dataset, List<?> bodies, Caller caller) {
		return fileBlocks.readWithDataset(BlockKind.ORIG, dataset, bodies, FIELD, caller);
	}

}
