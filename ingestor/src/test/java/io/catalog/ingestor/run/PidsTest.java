package io.catalog.ingestor.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Pids: name-based UUIDs (version 5) under a prefix. */
class PidsTest {

	@Test
	void uuidV5MatchesTheRfcAlgorithm() {
		// the DNS namespace and "python.org": Python's uuid.uuid5 answers 886313e1-3b8a-5372-9b90-0c9aee199e5d
		var dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
		assertThat(Pids.uuidV5(dns, "python.org")).hasToString("886313e1-3b8a-5372-9b90-0c9aee199e5d");
	}

	@Test
	void theSameRunIdGivesTheSamePidUnderThePrefix() {
		assertThat(Pids.of("20.500.12345", "run-42")).isEqualTo(Pids.of("20.500.12345", "run-42"))
			.startsWith("20.500.12345/").isNotEqualTo(Pids.of("20.500.12345", "run-43"));
	}

}
