package io.catalog.api.document;

import java.util.ArrayList;
import java.util.Collection;

import org.bson.Document;

/** Projections of the paths a client asks for, as the store accepts them. */
final class Projections {

	private Projections() {
	}

	/**
	 * A projection keeping the given paths, each once: a path under another one kept ({@code a.b} under {@code a})
	 * is left out, since the store refuses a projection whose paths collide.
	 */
	static Document of(Collection<String> paths) {
		var kept = new ArrayList<String>();
		paths.stream().distinct().sorted((x, y) -> Integer.compare(x.length(), y.length()))
			.filter(path -> kept.stream().noneMatch(k -> path.equals(k) || path.startsWith(k + ".")))
			.forEach(kept::add);
		var projection = new Document();
		kept.forEach(path -> projection.put(path, 1));
		return projection;
	}

}
