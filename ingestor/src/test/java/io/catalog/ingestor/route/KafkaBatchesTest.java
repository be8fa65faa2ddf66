package io.catalog.ingestor.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.catalog.ingestor.route.KafkaBatches.Position;

/** KafkaBatches' choice of offsets to commit: per partition, the highest done offset with nothing unfinished below. */
class KafkaBatchesTest {

	private static Position at(String partition, long offset) {
		return new Position(partition, offset, null);
	}

	@Test
	void aBatchAllDoneCommitsTheLastOffsetOfEachPartition() {
		var positions = List.of(at("runs-0", 4), at("runs-0", 5), at("runs-1", 9), at("runs-0", 6));
		assertThat(KafkaBatches.committable(positions, List.of(true, true, true, true)))
			.containsExactly(at("runs-0", 6), at("runs-1", 9));
	}

	@Test
	void anUnfinishedRunStopsItsPartitionJustBelowItAndLeavesTheOthersAlone() {
		var positions = List.of(at("runs-0", 4), at("runs-0", 5), at("runs-0", 6), at("runs-0", 7), at("runs-1", 9));
		assertThat(KafkaBatches.committable(positions, List.of(true, false, true, true, true)))
			.containsExactly(at("runs-0", 4), at("runs-1", 9));
	}

	@Test
	void anUnfinishedFirstRunCommitsNothingOfItsPartition() {
		var positions = List.of(at("runs-0", 4), at("runs-0", 5));
		assertThat(KafkaBatches.committable(positions, List.of(false, true))).isEmpty();
	}

	@Test
	void theOrderOfTheBatchDoesNotMatter() {
		var positions = List.of(at("runs-0", 7), at("runs-0", 5), at("runs-0", 4), at("runs-0", 6));
		assertThat(KafkaBatches.committable(positions, List.of(true, true, true, false)))
			.containsExactly(at("runs-0", 5));
	}

}
