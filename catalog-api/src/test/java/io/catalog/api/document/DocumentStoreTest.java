package io.catalog.api.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

class DocumentStoreTest {

	@Test
	void theReadRuleComesBeforeTheClientsCondition() {
		var where = new Document("datasetName", new Document("$regex", "run"));
		var rule = new Document("isPublished", true);
		assertThat(DocumentStore.and(where, rule)).isEqualTo(new Document("$and", List.of(rule, where)));
	}

	@Test
	void anEmptyPartIsLeftOut() {
		var rule = new Document("isPublished", true);
		assertThat(DocumentStore.and(new Document(), rule)).isSameAs(rule);
	}

}
