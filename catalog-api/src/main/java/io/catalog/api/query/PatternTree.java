package io.catalog.api.query;

import java.util.List;

/**
 * The tree {@link PatternSyntax} reads a pattern into, and the measures {@link SafePattern} takes of it: widths,
 * the ways through its alternatives, what may repeat.
 */
final class PatternTree {

	private PatternTree() {
	}

	/** One element of a pattern. */
	sealed interface Node permits Atom, Group, Anchor {
	}

	/**
	 * A single character, a class, or a zero-width assertion, as written.
	 *
	 * @param text the source text
	 * @param width 1, or 0 for {@code \b} and {@code \B}
	 * @param lineBound whether it can match only characters that {@code .} matches (no line terminators)
	 * @param dot whether it is {@code .}
	 */
	record Atom(String text, int width, boolean lineBound, boolean dot) implements Node {
	}

	/** A group, as its alternatives. */
	record Group(List<List<Item>> branches) implements Node {
	}

	/** {@code ^} or {@code $}. */
	record Anchor(boolean start) implements Node {
	}

	/**
	 * A node and how often it repeats.
	 *
	 * @param node what repeats
	 * @param min at least
	 * @param max at most, {@code -1} for unbounded
	 */
	record Item(Node node, int min, int max) {

		boolean variable() {
			return min != max;
		}

		boolean anchor(boolean start) {
			return node instanceof Anchor anchor && anchor.start() == start;
		}

	}

	/** One character, or a group of one alternative whose parts neither vary in length nor assert position. */
	static boolean repeatable(Node node) {
		if (node instanceof Atom atom) {
			return atom.width() == 1;
		}
		if (node instanceof Group group) {
			return group.branches().size() == 1 && group.branches().get(0).stream()
				.allMatch(item -> !item.variable() && !(item.node() instanceof Anchor) && repeatable(item.node()));
		}
		return false;
	}

	/** Matches a length known from its alternative alone: no repetition other than an exact count, at any depth. */
	static boolean fixed(Node node) {
		if (node instanceof Group group) {
			return group.branches().stream().flatMap(List::stream).allMatch(item -> !item.variable() && fixed(item.node()));
		}
		return node instanceof Atom;
	}

	/** Whether it can match only characters that {@code .} matches. */
	static boolean lineBound(Node node) {
		if (node instanceof Atom atom) {
			return atom.lineBound();
		}
		if (node instanceof Group group) {
			return group.branches().stream().flatMap(List::stream).allMatch(item -> lineBound(item.node()));
		}
		return false;
	}

	/** Whether {@code ^} or {@code $} stands inside a group, at any depth. */
	static boolean anchorInGroup(List<Item> items) {
		return items.stream().anyMatch(item -> item.node() instanceof Group group && group.branches().stream()
			.anyMatch(branch -> branch.stream().anyMatch(i -> i.node() instanceof Anchor) || anchorInGroup(branch)));
	}

	/** The fewest characters the items match. */
	static int minWidth(List<Item> items) {
		int width = 0;
		for (var item : items) {
			width += item.min() * (item.node() instanceof Group group
					? group.branches().stream().mapToInt(PatternTree::minWidth).min().orElse(0) : width(item.node()));
		}
		return width;
	}

	/** The most characters the items match (bounded repetitions only). */
	static int maxWidth(List<Item> items) {
		int width = 0;
		for (var item : items) {
			width += item.max() * (item.node() instanceof Group group
					? group.branches().stream().mapToInt(PatternTree::maxWidth).max().orElse(0) : width(item.node()));
		}
		return width;
	}

	private static int width(Node node) {
		return node instanceof Atom atom ? atom.width() : 0;
	}

	/** The ways through the alternatives (each repetition of a group counts its ways again), at most {@code cap}. */
	static long ways(List<List<Item>> branches, long cap) {
		long total = 0;
		for (var branch : branches) {
			long ways = 1;
			for (var item : branch) {
				if (item.node() instanceof Group group) {
					ways = Math.min(ways * (long) Math.pow(ways(group.branches(), cap), Math.max(1, item.min())), cap);
				}
			}
			total = Math.min(total + ways, cap);
		}
		return total;
	}

	/**
	 * The characters the pattern stands for, each repetition written out at its least count (at least once), at most
	 * {@code cap}.
	 */
	static long size(List<List<Item>> branches, long cap) {
		long total = 0;
		for (var branch : branches) {
			for (var item : branch) {
				long one = item.node() instanceof Group group ? size(group.branches(), cap) : 1;
				total = Math.min(total + one * Math.max(1, Math.max(item.min(), item.max())), cap);
			}
		}
		return total;
	}

}
