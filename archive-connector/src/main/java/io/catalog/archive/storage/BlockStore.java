package io.catalog.archive.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Long-term storage of datablocks: named objects written once as a stream, read back as a stream, listed and deleted by
 * name prefix. A name is a relative path of {@code /}-separated parts ({@code <dataset>/<job>/block-00001.tar}). An
 * object appears under its name only when its stream is closed, so a writer killed half-way leaves nothing that
 * {@link #exists} or {@link #open} would take for a block (what it leaves is removed by {@link #deleteAll}).
 */
public interface BlockStore {

	/**
	 * A stream that becomes the object {@code name} when closed, replacing one of that name; {@link Upload#abort()}
	 * drops what was written.
	 */
	Upload create(String name) throws IOException;

	/** Reads the object {@code name}. */
	InputStream open(String name) throws IOException;

	/** Whether the object {@code name} exists. */
	boolean exists(String name) throws IOException;

	/** Names of the objects under {@code prefix} (a folder-like prefix ending in {@code /}), sorted. */
	List<String> list(String prefix) throws IOException;

	/** Removes every object under {@code prefix}, and any unfinished upload there. */
	void deleteAll(String prefix) throws IOException;

	/** Where this store keeps its objects, for messages and {@code exportedTo}. */
	String describe();

	/** An object being written. */
	abstract class Upload extends OutputStream {

		/** Drops what was written; the object does not appear. */
		public abstract void abort();

	}

}
