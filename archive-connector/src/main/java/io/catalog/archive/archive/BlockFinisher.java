package io.catalog.archive.archive;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;

import io.catalog.archive.storage.BlockStore;
import io.catalog.sdk.model.DataFile;

/**
 * Completes and verifies a dataset's blocks on a thread of its own while the next block is packed: the upload is
 * closed (the folder store forces the block to disk and renames it into place; S3 completes the upload), then the
 * block is read back from the storage, and its size and CRC-32C must be those of the bytes written. The block's
 * checksum (SHA-256 by default) is computed over that read-back, so the recorded checksum is that of what the storage
 * holds, and each byte is hashed with it only once, on this thread. At most two blocks wait, so packing never runs
 * far ahead of the storage.
 */
final class BlockFinisher implements AutoCloseable {

	private static final int BUFFER = 1 << 20;

	private static final int WAITING = 2;

	private final BlockStore store;

	private final String algorithm;

	private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
		var worker = new Thread(runnable, "block-finisher");
		worker.setDaemon(true);
		return worker;
	});

	private final Deque<Future<PackedBlock>> waiting = new ArrayDeque<>();

	private final List<PackedBlock> done = new ArrayList<>();

	BlockFinisher(BlockStore store, String algorithm) {
		this.store = store;
		this.algorithm = algorithm;
	}

	/**
	 * A block whose bytes are all written.
	 *
	 * @param name its object name
	 * @param upload its upload, still open
	 * @param files its files with their checksums
	 * @param size the bytes of its files
	 * @param written the bytes of the tar
	 * @param crc the CRC-32C of the tar
	 */
	record Written(String name, BlockStore.Upload upload, List<DataFile> files, long size, long written, long crc) {
	}

	/** Hands a block over; waits while two others wait; throws when an earlier one failed. */
	void finish(Written block) throws IOException {
		while (waiting.size() >= WAITING || !waiting.isEmpty() && waiting.peekFirst().isDone()) {
			done.add(take(waiting.removeFirst()));
		}
		waiting.addLast(thread.submit(() -> complete(block)));
	}

	/** Every block handed over, completed and verified, in order. */
	List<PackedBlock> blocks() throws IOException {
		while (!waiting.isEmpty()) {
			done.add(take(waiting.removeFirst()));
		}
		return List.copyOf(done);
	}

	private PackedBlock complete(Written block) throws IOException {
		try {
			block.upload().close();
		}
		catch (IOException | RuntimeException ex) {
			block.upload().abort();
			throw ex;
		}
		var digest = Checksums.digest(algorithm);
		var crc = new CRC32C();
		long size = 0;
		var buffer = new byte[BUFFER];
		try (var in = store.open(block.name())) {
			for (int n; (n = in.read(buffer)) >= 0;) {
				digest.update(buffer, 0, n);
				crc.update(buffer, 0, n);
				size += n;
			}
		}
		if (size != block.written() || crc.getValue() != block.crc()) {
			throw new IOException("block %s reads back as %d bytes with CRC-32C %08x, written %d bytes with %08x"
				.formatted(block.name(), size, crc.getValue(), block.written(), block.crc()));
		}
		return new PackedBlock(block.name(), block.files(), block.size(), size, Checksums.hex(digest.digest()));
	}

	private static PackedBlock take(Future<PackedBlock> future) throws IOException {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while a block was completed", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof IOException io) {
				throw io;
			}
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IOException(ex.getCause());
		}
	}

	/** Waits for the blocks still being completed (their failures no longer matter), then ends the thread. */
	@Override
	public void close() {
		thread.shutdown();
		try {
			if (!thread.awaitTermination(10, TimeUnit.MINUTES)) {
				thread.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			thread.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

}
