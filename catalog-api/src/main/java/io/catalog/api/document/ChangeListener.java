package io.catalog.api.document;

/**
 * Hears of every catalog document the store wrote, right after the write succeeded: the hook for whatever must
 * follow the data (search indexes, events). Called on the write's thread; must be quick and must not block.
 */
@FunctionalInterface
public interface ChangeListener {

	void changed(Change change);

}
