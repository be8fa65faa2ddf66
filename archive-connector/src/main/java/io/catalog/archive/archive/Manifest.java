package io.catalog.archive.archive;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.catalog.archive.storage.BlockStore;
import io.catalog.sdk.model.CreateDatasetDatablock;

/**
 * The record of a dataset's archive that a job wrote: every block, verified in storage, with the datablock to register
 * for it and the block's own checksum. It is written after the last block is verified and before any datablock is
 * registered, as {@code <prefix>manifest.json}: its presence says the blocks are complete, so a resumed job only
 * registers what is not registered yet; its absence says they are not, so a resumed job starts the dataset again.
 */
final class Manifest {

	static final String NAME = "manifest.json";

	private final ObjectMapper mapper;

	Manifest(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * One block.
	 *
	 * @param chk the checksum of the tar
	 * @param chkAlg its algorithm
	 * @param datablock the datablock that registers it
	 */
	record Entry(String chk, String chkAlg, CreateDatasetDatablock datablock) {
	}

	void write(BlockStore store, String prefix, List<Entry> entries) throws IOException {
		var upload = store.create(prefix + NAME);
		try {
			mapper.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(upload, entries);
		}
		catch (IOException ex) {
			upload.abort();
			throw ex;
		}
		upload.close();
	}

	/** The entries, or {@code null} when the job wrote no manifest for the dataset yet. */
	List<Entry> read(BlockStore store, String prefix) throws IOException {
		if (!store.exists(prefix + NAME)) {
			return null;
		}
		try (var in = store.open(prefix + NAME)) {
			return mapper.readValue(in, new TypeReference<List<Entry>>() {
			});
		}
	}

}
