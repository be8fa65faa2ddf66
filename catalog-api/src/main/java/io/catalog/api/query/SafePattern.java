package io.catalog.api.query;

import java.util.ArrayList;
import java.util.List;

import io.catalog.api.query.PatternTree.Anchor;
import io.catalog.api.query.PatternTree.Atom;
import io.catalog.api.query.PatternTree.Group;
import io.catalog.api.query.PatternTree.Item;
import io.catalog.api.query.PatternTree.Node;
import static io.catalog.api.query.PatternTree.anchorInGroup;
import static io.catalog.api.query.PatternTree.fixed;
import static io.catalog.api.query.PatternTree.lineBound;
import static io.catalog.api.query.PatternTree.maxWidth;
import static io.catalog.api.query.PatternTree.minWidth;

import io.catalog.api.web.InvalidInputException;

/**
 * A client's {@code like}/{@code regexp} pattern, checked and rewritten so that a backtracking engine (MongoDB's
 * PCRE, the embedded store's {@code java.util.regex}) decides it in time linear in the text, whatever the text.
 * <p>
 * The pattern must read alike in RE2 (checked with RE2/J) and be in {@link PatternSyntax}'s language. Then, per
 * top-level alternative: a repetition at an unanchored end is cut to its least count (a match of {@code .*foo.*}
 * is a match of {@code foo}); what remains may repeat nothing (a fixed pattern), or repeat one thing after a
 * leading {@code ^}, or repeat only {@code .*}, {@code .+} or {@code .{n,}} between parts that match within a
 * line. The last kind is rewritten so that each line is scanned once: the earliest end of each part is kept
 * (atomically) and the next part searched after it, which finds a match whenever there is one.
 */
final class SafePattern {

	/** The longest pattern accepted. */
	static final int MAX_LENGTH = 256;

	/** At most this many ways through the alternatives of a pattern. */
	static final int MAX_PATHS = 32;

	/** At most this many characters in the pattern written out without its unbounded repetitions. */
	static final int MAX_SIZE = 4_096;

	private static final String HINT = "; repeat in the middle only .* .+ or .{n,} between parts of equal length"
			+ " (or one repetition after a leading ^)";

	private SafePattern() {
	}

	/** The pattern as MongoDB's {@code $regex} should read it; refuses one outside the language, naming the field. */
	static String rewrite(String pattern, String at) {
		if (pattern.length() > MAX_LENGTH) {
			throw new InvalidInputException(at, "must be a pattern of at most " + MAX_LENGTH + " characters");
		}
		try {
			com.google.re2j.Pattern.compile(pattern);
		}
		catch (com.google.re2j.PatternSyntaxException ex) {
			throw new InvalidInputException(at, "is not a valid pattern: " + ex.getDescription());
		}
		var branches = new ArrayList<List<Item>>();
		PatternSyntax.parse(pattern, at).forEach(branch -> unwrap(branch, branches));
		if (PatternTree.ways(branches, MAX_PATHS + 1L) > MAX_PATHS) {
			throw new InvalidInputException(at, "pattern has more than " + MAX_PATHS + " ways through its alternatives");
		}
		if (PatternTree.size(branches, MAX_SIZE + 1L) > MAX_SIZE) {
			throw new InvalidInputException(at, "pattern repeats to more than " + MAX_SIZE + " characters");
		}
		var rewritten = new ArrayList<String>(branches.size());
		for (var branch : branches) {
			rewritten.add(branch(branch, at));
		}
		return String.join("|", rewritten);
	}

	/** {@code ^(a|b)$} is {@code ^a$|^b$}: a branch that is one group (with anchors around) becomes its branches. */
	private static void unwrap(List<Item> branch, List<List<Item>> into) {
		int from = !branch.isEmpty() && branch.get(0).anchor(true) ? 1 : 0;
		int to = branch.size() > from && branch.get(branch.size() - 1).anchor(false) ? branch.size() - 1 : branch.size();
		if (to - from == 1 && branch.get(from).node() instanceof Group group && !branch.get(from).variable()
				&& branch.get(from).min() == 1) {
			for (var inner : group.branches()) {
				var joined = new ArrayList<Item>(branch.subList(0, from));
				joined.addAll(inner);
				joined.addAll(branch.subList(to, branch.size()));
				unwrap(joined, into);
			}
			return;
		}
		into.add(branch);
	}

	private static String branch(List<Item> branch, String at) {
		boolean start = !branch.isEmpty() && branch.get(0).anchor(true);
		boolean end = branch.size() > (start ? 1 : 0) && branch.get(branch.size() - 1).anchor(false);
		var body = flatten(branch.subList(start ? 1 : 0, end ? branch.size() - 1 : branch.size()));
		if (body.stream().anyMatch(item -> item.node() instanceof Anchor) || anchorInGroup(body)) {
			throw new InvalidInputException(at, "pattern may have ^ only at the start and $ only at the end");
		}
		if (!body.stream().allMatch(item -> item.variable() || fixed(item.node()))) {
			throw new InvalidInputException(at, "pattern repeats inside a group of alternatives" + HINT);
		}
		if (!start) {
			trimLeading(body);
		}
		if (!end) {
			trimTrailing(body);
		}
		var variable = new ArrayList<Integer>();
		for (int i = 0; i < body.size(); i++) {
			if (body.get(i).variable()) {
				variable.add(i);
			}
		}
		if (variable.isEmpty() || (start && variable.size() == 1)) {
			return (start ? "^" : "") + write(body) + (end ? "$" : "");
		}
		return gaps(body, variable, start, end, at);
	}

	/** A group without alternatives or repetition is its items: {@code (a+)b} is {@code a+b}. */
	private static List<Item> flatten(List<Item> items) {
		var flat = new ArrayList<Item>(items.size());
		for (var item : items) {
			if (item.node() instanceof Group group && group.branches().size() == 1 && item.min() == 1 && item.max() == 1) {
				flat.addAll(flatten(group.branches().get(0)));
			}
			else {
				flat.add(item);
			}
		}
		return flat;
	}

	/** At an unanchored start, {@code x{m,n}} matches where {@code x{m}} does: cut to the least count. */
	private static void trimLeading(List<Item> body) {
		while (!body.isEmpty() && body.get(0).variable()) {
			var first = body.remove(0);
			if (first.min() > 0) {
				body.add(0, new Item(first.node(), first.min(), first.min()));
				return;
			}
		}
	}

	private static void trimTrailing(List<Item> body) {
		while (!body.isEmpty() && body.get(body.size() - 1).variable()) {
			var last = body.remove(body.size() - 1);
			if (last.min() > 0) {
				body.add(new Item(last.node(), last.min(), last.min()));
				return;
			}
		}
	}

	/**
	 * Parts {@code S0 G1 S1 ... Gk Sk} with each gap a repeated {@code .}: written as one scan per line, each part but
	 * the last kept at its earliest end. A match's parts all lie on one line, so the scan finds one if there is one.
	 */
	private static String gaps(List<Item> body, List<Integer> variable, boolean start, boolean end, String at) {
		var parts = new ArrayList<List<Item>>();
		var gaps = new ArrayList<Item>();
		int from = 0;
		for (int index : variable) {
			var gap = body.get(index);
			if (!(gap.node() instanceof Atom atom && atom.dot() && gap.max() < 0)) {
				throw new InvalidInputException(at, "pattern repeats " + write(List.of(gap)) + " in its middle" + HINT);
			}
			parts.add(body.subList(from, index));
			gaps.add(gap);
			from = index + 1;
		}
		parts.add(body.subList(from, body.size()));
		for (int i = 0; i < parts.size() - 1; i++) {
			var part = parts.get(i);
			if (!part.stream().allMatch(item -> lineBound(item.node()))) {
				throw new InvalidInputException(at, "pattern can match a line end before a repeated ." + HINT);
			}
			if (i > 0 && minWidth(part) != maxWidth(part)) {
				throw new InvalidInputException(at, "pattern has alternatives of different lengths between repetitions" + HINT);
			}
		}
		var written = new StringBuilder();
		if (start) {
			written.append('^').append(write(parts.get(0)));
		}
		else {
			if (minWidth(parts.get(0)) == 0) {
				throw new InvalidInputException(at, "pattern must begin with a character before a repeated ." + HINT);
			}
			written.append("(?<!.)(?>.*?(?<=").append(String.join("|", paths(parts.get(0)))).append("))");
		}
		for (int i = 1; i < parts.size() - 1; i++) {
			written.append("(?>").append(least(gaps.get(i - 1))).append(".*?").append(write(parts.get(i))).append(')');
		}
		written.append(least(gaps.get(gaps.size() - 1))).append(".*").append(write(parts.get(parts.size() - 1)));
		return written.append(end ? "$" : "").toString();
	}

	private static String least(Item gap) {
		return gap.min() == 0 ? "" : gap.min() == 1 ? "." : ".{" + gap.min() + "}";
	}

	/** The part written once per way through its alternatives (a lookbehind needs each of fixed length). */
	private static List<String> paths(List<Item> part) {
		var paths = new ArrayList<String>();
		paths.add("");
		for (var item : part) {
			List<String> options;
			if (item.node() instanceof Group group && item.min() == 1 && item.max() == 1) {
				options = new ArrayList<>();
				for (var branch : group.branches()) {
					options.addAll(paths(branch));
				}
			}
			else {
				options = List.of(write(List.of(item)));
			}
			var next = new ArrayList<String>(paths.size() * options.size());
			paths.forEach(path -> options.forEach(option -> next.add(path + option)));
			paths = next;
		}
		return paths;
	}

	static String write(List<Item> items) {
		var text = new StringBuilder();
		for (var item : items) {
			var node = item.node();
			if (node instanceof Atom atom) {
				text.append(atom.text());
			}
			else if (node instanceof Group group) {
				text.append("(?:").append(String.join("|", group.branches().stream().map(SafePattern::write).toList()))
					.append(')');
			}
			else {
				text.append(((Anchor) node).start() ? '^' : '$');
			}
			text.append(quantifier(item));
		}
		return text.toString();
	}

	private static String quantifier(Item item) {
		int min = item.min();
		int max = item.max();
		if (min == 1 && max == 1) {
			return "";
		}
		if (max < 0) {
			return min == 0 ? "*" : min == 1 ? "+" : "{" + min + ",}";
		}
		if (min == 0 && max == 1) {
			return "?";
		}
		return min == max ? "{" + min + "}" : "{" + min + "," + max + "}";
	}


}
