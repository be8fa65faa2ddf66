package io.catalog.api.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

class ProjectionsTest {

	@Test
	void aProjectionLeavesOutPathsUnderOthersAndRepeats() {
		assertThat(Projections.of(List.of("a.b.c", "a", "ab", "_id", "a", "ab.c")))
			.isEqualTo(new Document("a", 1).append("ab", 1).append("_id", 1));
	}

}
