package io.catalog.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The embedded store's oplog, as the search index's change feed uses it after a restart. */
class ChangeLogTest {

	@Test
	void aStreamOpenedAtTheOperationTimeOfAStoreWithNoWritesYetLosesNothing() {
		var server = EmbeddedServers.inMemory();
		try (var client = MongoClients.create(EmbeddedServers.uri(server, "catalog"))) {
			var database = client.getDatabase("catalog");
			var hello = Mono.from(database.runCommand(new Document("isMaster", 1))).block(Duration.ofSeconds(10));
			var time = (BsonTimestamp) hello.get("operationTime");

			var changes = Flux.from(database.getCollection("Dataset").watch().startAtOperationTime(time));
			var first = changes.next().toFuture();
			Mono.from(database.getCollection("Dataset").insertOne(new Document("_id", "p1"))).block(Duration.ofSeconds(10));

			assertThat(Mono.fromFuture(first).block(Duration.ofSeconds(10)).getDocumentKey().getString("_id").getValue())
				.isEqualTo("p1");
		}
		finally {
			server.shutdownNow();
		}
	}

}
