package io.catalog.ingestor.run;

/** Hears how an ingestion advances: files walked, then files uploaded in blocks. */
public interface Progress {

	/** Nobody listens. */
	Progress NONE = new Progress() {
	};

	default void walked(int files) {
	}

	default void uploaded(int files, int total) {
	}

}
