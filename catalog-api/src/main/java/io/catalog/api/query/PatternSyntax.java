package io.catalog.api.query;

import java.util.ArrayList;
import java.util.List;

import io.catalog.api.query.PatternTree.Anchor;
import io.catalog.api.query.PatternTree.Atom;
import io.catalog.api.query.PatternTree.Group;
import io.catalog.api.query.PatternTree.Item;
import io.catalog.api.query.PatternTree.Node;
import io.catalog.api.web.InvalidInputException;

/**
 * Reads the pattern language of {@code like} and {@code regexp} conditions into a tree: the part of regular
 * expressions that RE2, PCRE (MongoDB) and {@code java.util.regex} (the embedded store) read alike. Characters,
 * escaped punctuation, {@code . \d \w \s \D \W \S \t \n \r \f \xHH}, classes {@code [a-z]} and {@code [^...]},
 * groups {@code (...)} and {@code (?:...)}, alternatives, {@code ^ $ \b \B}, and the repetitions
 * {@code * + ? {n} {n,} {n,m}} (at most 1000) of a single character or of a group without alternatives or
 * repetitions inside. Anything else (back-references, lookaround, named groups, inline flags, possessive
 * repetitions, nested repetitions) is refused, naming the field.
 */
final class PatternSyntax {

	static final int MAX_REPEAT = 1000;

	private static final int MAX_DEPTH = 8;

	private static final String PUNCTUATION = ".^$|?*+()[]{}\\/-";

	private final String text;

	private final String at;

	private int position;

	private PatternSyntax(String text, String at) {
		this.text = text;
		this.at = at;
	}

	/** The pattern's top-level alternatives. */
	static List<List<Item>> parse(String text, String at) {
		var syntax = new PatternSyntax(text, at);
		var branches = syntax.alternatives(0);
		if (syntax.position < text.length()) {
			throw syntax.refuse("has an unmatched )");
		}
		return branches;
	}

	private List<List<Item>> alternatives(int depth) {
		if (depth > MAX_DEPTH) {
			throw refuse("nests groups deeper than " + MAX_DEPTH);
		}
		var branches = new ArrayList<List<Item>>();
		branches.add(sequence(depth));
		while (position < text.length() && text.charAt(position) == '|') {
			position++;
			branches.add(sequence(depth));
		}
		return branches;
	}

	private List<Item> sequence(int depth) {
		var items = new ArrayList<Item>();
		while (position < text.length()) {
			char c = text.charAt(position);
			if (c == '|' || c == ')') {
				break;
			}
			var node = node(c, depth);
			items.add(repetition(node));
		}
		return items;
	}

	private Node node(char c, int depth) {
		switch (c) {
			case '^', '$' -> {
				position++;
				return new Anchor(c == '^');
			}
			case '(' -> {
				position++;
				if (text.startsWith("?", position)) {
					if (!text.startsWith("?:", position)) {
						throw refuse("uses (?...): lookaround, named groups and inline flags are not supported");
					}
					position += 2;
				}
				var group = new Group(alternatives(depth + 1));
				if (position >= text.length() || text.charAt(position) != ')') {
					throw refuse("has an unclosed (");
				}
				position++;
				return group;
			}
			case '[' -> {
				return characterClass();
			}
			case '.' -> {
				position++;
				return new Atom(".", 1, true, true);
			}
			case '\\' -> {
				return escape(false);
			}
			case '*', '+', '?', '{' -> throw refuse("repeats nothing at position " + position);
			case ']', '}' -> throw refuse("must escape " + c + " as \\" + c);
			default -> {
				int codePoint = text.codePointAt(position);
				var literal = new String(Character.toChars(codePoint));
				position += literal.length();
				return new Atom(literal, 1, !terminator(codePoint), false);
			}
		}
	}

	private Atom escape(boolean inClass) {
		if (position + 1 >= text.length()) {
			throw refuse("ends with a lone \\");
		}
		char c = text.charAt(position + 1);
		position += 2;
		if (PUNCTUATION.indexOf(c) >= 0) {
			return new Atom("\\" + c, 1, true, false);
		}
		return switch (c) {
			case 'd', 'w' -> new Atom("\\" + c, 1, true, false);
			case 'D', 'W', 's', 'S' -> new Atom("\\" + c, 1, false, false);
			case 't', 'f' -> new Atom("\\" + c, 1, true, false);
			case 'n', 'r' -> new Atom("\\" + c, 1, false, false);
			case 'b', 'B' -> {
				if (inClass) {
					throw refuse("uses \\" + c + " inside a class");
				}
				yield new Atom("\\" + c, 0, true, false);
			}
			case 'x' -> {
				if (position + 2 > text.length() || !hex(text.charAt(position)) || !hex(text.charAt(position + 1))) {
					throw refuse("needs two hex digits after \\x");
				}
				int value = Integer.parseInt(text.substring(position, position + 2), 16);
				position += 2;
				yield new Atom("\\x" + text.substring(position - 2, position), 1, !terminator(value), false);
			}
			default -> throw refuse("uses \\" + c + ", which is not supported (no back-references or other escapes)");
		};
	}

	/** A class such as {@code [a-z_]} or {@code [^,]}; ranges of plain characters only, no nested classes. */
	private Atom characterClass() {
		int start = position;
		position++;
		boolean negated = text.startsWith("^", position);
		if (negated) {
			position++;
		}
		boolean lineBound = !negated;
		int members = 0;
		while (true) {
			if (position >= text.length()) {
				throw refuse("has an unclosed [");
			}
			char c = text.charAt(position);
			if (c == ']') {
				if (members == 0) {
					throw refuse("has an empty class; escape ] as \\]");
				}
				position++;
				break;
			}
			if (c == '[' || text.startsWith("&&", position)) {
				throw refuse("uses [ or && inside a class; escape them");
			}
			int low;
			if (c == '\\') {
				var escaped = escape(true);
				lineBound &= escaped.lineBound();
				low = escaped.text().length() == 2 && PUNCTUATION.indexOf(escaped.text().charAt(1)) >= 0
						? escaped.text().charAt(1) : -1;
			}
			else {
				low = text.codePointAt(position);
				position += Character.charCount(low);
				lineBound &= !terminator(low);
			}
			members++;
			if (text.startsWith("-", position) && position + 1 < text.length() && text.charAt(position + 1) != ']') {
				lineBound &= range(low);
			}
		}
		return new Atom(text.substring(start, position), 1, lineBound, false);
	}

	/** Reads the upper end of a range whose lower end was {@code low}; answers whether it holds no terminator. */
	private boolean range(int low) {
		position++;
		char c = text.charAt(position);
		int high;
		if (c == '\\') {
			var escaped = escape(true);
			if (!(escaped.text().length() == 2 && PUNCTUATION.indexOf(escaped.text().charAt(1)) >= 0)) {
				throw refuse("has a range that does not end in a plain character");
			}
			high = escaped.text().charAt(1);
		}
		else if (c == '[') {
			throw refuse("uses [ inside a class; escape it");
		}
		else {
			high = text.codePointAt(position);
			position += Character.charCount(high);
		}
		if (low < 0 || high < low) {
			throw refuse("has a range out of order or not between plain characters");
		}
		for (int terminator : new int[] { '\n', '\r', 0x85, 0x2028, 0x2029 }) {
			if (low <= terminator && terminator <= high) {
				return false;
			}
		}
		return true;
	}

	private Item repetition(Node node) {
		if (position >= text.length()) {
			return new Item(node, 1, 1);
		}
		int min;
		int max;
		switch (text.charAt(position)) {
			case '*' -> {
				min = 0;
				max = -1;
				position++;
			}
			case '+' -> {
				min = 1;
				max = -1;
				position++;
			}
			case '?' -> {
				min = 0;
				max = 1;
				position++;
			}
			case '{' -> {
				int close = text.indexOf('}', position);
				var bounds = close < 0 ? "" : text.substring(position + 1, close);
				if (!bounds.matches("\\d{1,4}(,\\d{0,4})?")) {
					throw refuse("has a { that is not a repetition {n}, {n,} or {n,m}; escape it as \\{");
				}
				var parts = bounds.split(",", -1);
				min = Integer.parseInt(parts[0]);
				max = parts.length == 1 ? min : parts[1].isEmpty() ? -1 : Integer.parseInt(parts[1]);
				if (min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && max < min)) {
					throw refuse("repeats at most " + MAX_REPEAT + " times, with {n,m} in order");
				}
				position = close + 1;
			}
			default -> {
				return new Item(node, 1, 1);
			}
		}
		if (position < text.length() && text.charAt(position) == '?') {
			position++;
		}
		if (position < text.length() && "*+?{".indexOf(text.charAt(position)) >= 0) {
			throw refuse("repeats a repetition (possessive or nested repetitions are not supported)");
		}
		if (!PatternTree.repeatable(node)) {
			throw refuse("repeats something other than one character or a group without alternatives and repetitions"
					+ " (nested repetition can take exponential time)");
		}
		return new Item(node, min, max);
	}

	private static boolean hex(char c) {
		return Character.digit(c, 16) >= 0;
	}

	private static boolean terminator(int codePoint) {
		return codePoint == '\n' || codePoint == '\r' || codePoint == 0x85 || codePoint == 0x2028 || codePoint == 0x2029;
	}

	private InvalidInputException refuse(String reason) {
		return new InvalidInputException(at, "pattern " + reason);
	}

}
