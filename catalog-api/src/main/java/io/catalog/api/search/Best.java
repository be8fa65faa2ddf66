package io.catalog.api.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;

/**
 * The best few of many ordinals under an order, kept in a bounded heap: most candidates are not better than the
 * worst one kept and cost one comparison, so a page of a large result needs no full sort.
 */
final class Best {

	private Best() {
	}

	/** The first {@code keep} of the accepted ordinals in the comparator's order, best first. */
	static List<Integer> of(Iterable<Integer> ordinals, Comparator<Integer> order, int keep, IntPredicate accept) {
		if (keep <= 0) {
			return List.of();
		}
		var best = new PriorityQueue<Integer>(order.reversed());
		for (int ordinal : ordinals) {
			if (!accept.test(ordinal)) {
				continue;
			}
			if (best.size() < keep) {
				best.add(ordinal);
			}
			else if (order.compare(ordinal, best.peek()) < 0) {
				best.poll();
				best.add(ordinal);
			}
		}
		var sorted = new ArrayList<>(best);
		sorted.sort(order);
		return sorted;
	}

}
