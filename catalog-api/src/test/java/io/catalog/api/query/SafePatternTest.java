package io.catalog.api.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.catalog.api.web.InvalidInputException;

class SafePatternTest {

	private static String rewrite(String pattern) {
		return SafePattern.rewrite(pattern, "where.datasetName.like");
	}

	/** Java's engine (the embedded store's) deciding the rewritten pattern over the text, timed. */
	private static Duration time(String pattern, String text) {
		var compiled = Pattern.compile(rewrite(pattern));
		long start = System.nanoTime();
		compiled.matcher(text).find();
		return Duration.ofNanos(System.nanoTime() - start);
	}

	@ParameterizedTest
	@ValueSource(strings = { "^private-((a+)+)+$", "(a+)+", "(a|aa)+b", "(a*)*", "((ab)*c)+", "(\\w+\\s?)+$" })
	void refusesNestedOrAmbiguousRepetition(String pattern) {
		assertThatThrownBy(() -> rewrite(pattern)).isInstanceOf(InvalidInputException.class)
			.hasMessageStartingWith("where.datasetName.like: ");
	}

	@ParameterizedTest
	@ValueSource(strings = { "(a)\\1", "(?=a)b", "(?!a)b", "(?<=a)b", "(?<n>a)", "(?i)a", "a*+", "a++b", "\\k<n>",
			"[[:alpha:]]", "[a&&b]", "\\p{L}", "\\Qa\\E", "a{1001}", "\\A" })
	void refusesWhatNotEveryEngineReadsAlike(String pattern) {
		assertThatThrownBy(() -> rewrite(pattern)).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void refusesALongPattern() {
		assertThatThrownBy(() -> rewrite("a".repeat(SafePattern.MAX_LENGTH + 1)))
			.hasMessageContaining("at most " + SafePattern.MAX_LENGTH);
	}

	@Test
	void refusesARepetitionInTheMiddleOtherThanDot() {
		assertThatThrownBy(() -> rewrite("x\\d+y")).hasMessageContaining("repeats \\d+ in its middle");
	}

	@Test
	void keepsFixedPatternsAsWritten() {
		assertThat(rewrite("run")).isEqualTo("run");
		assertThat(rewrite("^run-\\d{3}$")).isEqualTo("^run-\\d{3}$");
		assertThat(rewrite("[Aa]nother instrument")).isEqualTo("[Aa]nother instrument");
	}

	@Test
	void cutsRepetitionsAtUnanchoredEnds() {
		assertThat(rewrite(".*run.*")).isEqualTo("run");
		assertThat(rewrite("run.+")).isEqualTo("run.");
		assertThat(rewrite("a+b")).isEqualTo("ab");
		assertThat(rewrite("\\d+\\.\\d+")).isEqualTo("\\d\\.\\d");
	}

	@Test
	void keepsOneRepetitionAfterALeadingAnchor() {
		assertThat(rewrite("^a+b$")).isEqualTo("^a+b$");
	}

	@Test
	void scansEachLineOnceForDotGaps() {
		assertThat(rewrite("(second|third).*dataset")).isEqualTo("(?<!.)(?>.*?(?<=second|third)).*dataset");
		assertThat(rewrite("(cream.*money|opportunity.*decide)"))
			.isEqualTo("(?<!.)(?>.*?(?<=cream)).*money|(?<!.)(?>.*?(?<=opportunity)).*decide");
	}

	@Test
	void answersTheNestedRepetitionOfTheIssueFastOnceRefusedOrRewritten() {
		assertThatThrownBy(() -> rewrite("^private-((a+)+)+$")).isInstanceOf(InvalidInputException.class);
		assertThat(time("^private-a+$", "private-" + "a".repeat(19) + "!")).isLessThan(Duration.ofMillis(50));
	}

	@Test
	void staysLinearOnLongAdversarialText() {
		var text = "x".repeat(200_000);
		assertThat(time(".*x.*y", text)).isLessThan(Duration.ofSeconds(1));
		assertThat(time("x.*x.*y", text)).isLessThan(Duration.ofSeconds(1));
		assertThat(time("[a-z]+@", text)).isLessThan(Duration.ofSeconds(1));
		assertThat(time("^x.*y$", text)).isLessThan(Duration.ofSeconds(1));
		assertThat(time("(x|xx)xy", text)).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void findsWhatTheOriginalFinds() {
		assertThat(Pattern.compile(rewrite("a.*b")).matcher("xxa\nab").find()).isTrue();
		assertThat(Pattern.compile(rewrite("a.*b")).matcher("b a\nb").find()).isFalse();
		assertThat(Pattern.compile(rewrite("(abcd|b).*c")).matcher("abcd").find()).isTrue();
	}

}
