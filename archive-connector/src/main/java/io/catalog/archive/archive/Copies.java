package io.catalog.archive.archive;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.catalog.archive.storage.BlockStore;

/**
 * SciCat's {@code tapeRedundancy} as copies of a dataset's blocks: {@code low} one (the store itself), {@code medium}
 * two, {@code high} three, each further copy in one of the stores configured for copies ({@code ARCHIVE_COPIES}: more
 * folders, or more key prefixes of the bucket), in their order. Each copy of a block is written from the verified
 * block, read back and its checksum compared with the block's before the datablocks are registered. A policy asking
 * for more copies than there are stores gets as many as there are, and the dataset's {@code archiveReturnMessage}
 * says so.
 */
public final class Copies {

	private static final int BUFFER = 1 << 20;

	private final List<BlockStore> stores;

	/** Copies into {@code stores}, the first copy's store first. */
	public Copies(List<BlockStore> stores) {
		this.stores = List.copyOf(stores);
	}

	/** The stores of the copies, in order. */
	public List<BlockStore> stores() {
		return stores;
	}

	/** The copies a {@code tapeRedundancy} asks for, counting the store's own: 1, 2 or 3 (1 when unknown). */
	public static int asked(String tapeRedundancy) {
		return switch (tapeRedundancy == null ? "" : tapeRedundancy.toLowerCase(Locale.ROOT)) {
			case "medium" -> 2;
			case "high" -> 3;
			default -> 1;
		};
	}

	/** The copies that can be made of {@code asked}, counting the store's own. */
	int possible(int asked) {
		return Math.max(1, Math.min(asked, 1 + stores.size()));
	}

	/** Writes and verifies {@code copies - 1} further copies of every block. */
	void write(BlockStore primary, List<PackedBlock> blocks, String algorithm, int copies) throws IOException {
		for (var store : stores.subList(0, possible(copies) - 1)) {
			for (var block : blocks) {
				copy(primary, store, block, algorithm);
			}
		}
	}

	/** The descriptions of the copy stores that hold every one of {@code blocks}, in order. */
	List<String> holding(List<String> blocks) throws IOException {
		var holding = new ArrayList<String>();
		for (var store : stores) {
			boolean all = !blocks.isEmpty();
			for (var block : blocks) {
				all = all && store.exists(block);
			}
			if (all) {
				holding.add(store.describe());
			}
		}
		return holding;
	}

	/** Removes what a job left under {@code prefix} in every copy store. */
	void deleteAll(String prefix) throws IOException {
		for (var store : stores) {
			store.deleteAll(prefix);
		}
	}

	private static void copy(BlockStore from, BlockStore to, PackedBlock block, String algorithm) throws IOException {
		var upload = to.create(block.name());
		try (var in = from.open(block.name())) {
			var buffer = new byte[BUFFER];
			for (int n; (n = in.read(buffer)) >= 0;) {
				upload.write(buffer, 0, n);
			}
		}
		catch (IOException | RuntimeException ex) {
			upload.abort();
			throw ex;
		}
		upload.close();
		var digest = Checksums.digest(algorithm);
		long size = 0;
		try (var in = to.open(block.name())) {
			var buffer = new byte[BUFFER];
			for (int n; (n = in.read(buffer)) >= 0;) {
				digest.update(buffer, 0, n);
				size += n;
			}
		}
		var chk = Checksums.hex(digest.digest());
		if (size != block.packedSize() || !chk.equals(block.chk())) {
			throw new IOException("copy of " + block.name() + " in " + to.describe() + " reads back as " + size
					+ " bytes with checksum " + chk + ", the block has " + block.packedSize() + " bytes with "
					+ block.chk());
		}
	}

}
