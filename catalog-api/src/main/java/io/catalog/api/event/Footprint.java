package io.catalog.api.event;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Map;

/**
 * What a document held in memory costs, roughly and from above: strings at two bytes a character, plus a fixed
 * amount per value and per entry. Walks the document once, without recursion (any depth).
 */
final class Footprint {

	private static final long PER_VALUE = 24;

	private static final long PER_ENTRY = 48;

	private Footprint() {
	}

	static long of(Object document) {
		long bytes = 0;
		var pending = new ArrayDeque<Object>();
		pending.push(document);
		while (!pending.isEmpty()) {
			var value = pending.pop();
			bytes += PER_VALUE;
			if (value instanceof CharSequence text) {
				bytes += 2L * text.length();
			}
			else if (value instanceof byte[] binary) {
				bytes += binary.length;
			}
			else if (value instanceof Map<?, ?> map) {
				for (var entry : map.entrySet()) {
					bytes += PER_ENTRY + 2L * String.valueOf(entry.getKey()).length();
					if (entry.getValue() != null) {
						pending.push(entry.getValue());
					}
				}
			}
			else if (value instanceof Collection<?> list) {
				bytes += 8L * list.size();
				list.forEach(item -> {
					if (item != null) {
						pending.push(item);
					}
				});
			}
		}
		return bytes;
	}

}
