package io.catalog.api.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.Requests;

/** Every write, including counters and cascades, is told to the change listeners. */
@Import(DocumentStoreChangesTest.Recorder.class)
class DocumentStoreChangesTest extends CatalogTest {

	@Autowired
	List<Change> changes;

	@TestConfiguration
	static class Recorder {

		@Bean
		List<Change> changes() {
			return new CopyOnWriteArrayList<>();
		}

		@Bean
		ChangeListener recorder(List<Change> changes) {
			return changes::add;
		}

	}

	@Test
	void createCountersAndCascadeAreAllTold() {
		var pid = created("user1", "/api/v3/datasets", Requests.rawDataset("group1")).get("pid");
		created("user1", "/api/v3/datasets/{pid}/origdatablocks", Requests.fileBlock(2, 5), pid);
		as("archiveManager").delete().uri("/api/v3/datasets/{pid}", pid).exchange().expectStatus().isOk();
		assertThat(changes).extracting(c -> c.collection() + " " + c.operation()).containsExactly("Dataset CREATE",
				"Policy CREATE", "OrigDatablock CREATE", "Dataset UPDATE", "Dataset DELETE", "OrigDatablock DELETE");
		assertThat(changes.get(3).document().get("numberOfFiles")).isEqualTo(2L);
	}

}
