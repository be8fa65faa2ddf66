package io.catalog.api.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import io.catalog.api.web.InvalidInputException;

/**
 * Generated patterns of the pattern language and around it: each one is refused with a 400 naming the field, or
 * rewritten into a pattern that a backtracking engine (Java's, as in the embedded store) decides exactly as it
 * decides the original (on short texts, where the original's time does not matter), in time linear in the text.
 */
class SafePatternProperties {

	@Property(tries = 3000)
	void aRewrittenPatternFindsWhatTheOriginalFinds(@ForAll("patterns") String pattern, @ForAll boolean caseless,
			@ForAll("texts") List<String> texts) {
		var rewritten = rewriteOrNull(pattern);
		Statistics.collect(rewritten == null ? "refused" : "rewritten");
		if (rewritten == null) {
			return;
		}
		var original = java.util.regex.Pattern.compile(pattern, caseless ? java.util.regex.Pattern.CASE_INSENSITIVE : 0);
		var backtracking = java.util.regex.Pattern.compile(rewritten, caseless ? java.util.regex.Pattern.CASE_INSENSITIVE : 0);
		for (var text : texts) {
			assertThat(backtracking.matcher(text).find()).as("%s as %s on %s", pattern, rewritten, text.replace("\n", "\\n"))
				.isEqualTo(original.matcher(text).find());
		}
	}

	@Property(tries = 150)
	void aRewrittenPatternTakesLinearTime(@ForAll("patterns") String pattern, @ForAll("texts") List<String> seeds) {
		var rewritten = rewriteOrNull(pattern);
		if (rewritten == null || seeds.isEmpty()) {
			return;
		}
		var compiled = java.util.regex.Pattern.compile(rewritten);
		for (var seed : seeds) {
			var text = (seed.isEmpty() ? "a" : seed).repeat(100_000 / Math.max(1, seed.length()));
			long start = System.nanoTime();
			compiled.matcher(text).find();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("%s on %d characters", rewritten, text.length())
				.isLessThan(Duration.ofSeconds(1));
		}
	}

	private static String rewriteOrNull(String pattern) {
		try {
			return SafePattern.rewrite(pattern, "where.name.like");
		}
		catch (InvalidInputException ex) {
			assertThat(ex.errors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("where.name.like"));
			return null;
		}
	}

	@Provide
	Arbitrary<String> patterns() {
		Arbitrary<String> atom = Arbitraries.of("a", "b", "x", " ", "\\n", ".", ".", "[ab]", "[^a]", "[a-c]", "\\w", "\\s",
				"\\d", "\\b", "\\.");
		Arbitrary<String> repeat = Arbitraries.of("", "", "", "", "*", "+", "?", "{2}", "{1,3}", "*?", "{2,}");
		Arbitrary<String> item = Combinators.combine(atom, repeat).as(String::concat);
		Arbitrary<String> sequence = item.list().ofMinSize(1).ofMaxSize(4).map(items -> String.join("", items));
		Arbitrary<String> group = Combinators.combine(sequence.list().ofMinSize(1).ofMaxSize(3), repeat)
			.as((branches, times) -> "(" + String.join("|", branches) + ")" + times);
		Arbitrary<String> part = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, item), net.jqwik.api.Tuple.of(1, group));
		Arbitrary<String> body = part.list().ofMinSize(1).ofMaxSize(6).map(parts -> String.join("", parts));
		Arbitrary<String> branch = Combinators.combine(Arbitraries.of("", "", "^"), body, Arbitraries.of("", "", "$"))
			.as((start, middle, end) -> start + middle + end);
		return branch.list().ofMinSize(1).ofMaxSize(2).map(branches -> String.join("|", branches));
	}

	@Provide
	Arbitrary<List<String>> texts() {
		return Arbitraries.strings().withChars("abx \n.1AB").ofMaxLength(24).list().ofMinSize(1).ofMaxSize(6);
	}

}
