package io.catalog.api.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.unit.DataSize;

import io.catalog.api.dataset.Datasets;
import io.catalog.api.document.Change;
import io.catalog.api.document.DocumentStore;
import io.catalog.api.support.TestKafka;

/**
 * The outbox and its relay against a real Kafka broker of their own: nothing lost while Kafka is down, nothing
 * lost when the process dies between the write and its confirmation, order kept per document, no id twice.
 */
class EventRelayTest {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private final ObjectMapper mapper = new ObjectMapper();

	private final EventProperties properties = new EventProperties(null, Map.of(),
			Map.of("Dataset", "catalog.dataset"), null, Duration.ofSeconds(1), 0, null);

	private final EventConfiguration configuration = new EventConfiguration();

	private LocalKafka kafka;

	private MongoServer server;

	private MongoClient client;

	private EventRelay relay;

	private Producer<String, CloudEvent> producer;

	@AfterEach
	void stop() {
		if (relay != null) {
			relay.stop();
		}
		if (producer != null) {
			producer.close();
		}
		if (client != null) {
			client.close();
		}
		if (server != null) {
			server.shutdownNow();
		}
		if (kafka != null) {
			kafka.close();
		}
	}

	@Test
	void writesMadeWhileKafkaIsDownAllArriveOnceInOrderPerDocument() throws Exception {
		kafka = TestKafka.fresh();
		kafka.close();
		var outbox = start(new MongoServer(new MemoryBackend()));
		var store = new DocumentStore(client.getDatabase("events"), List.of(), java.util.Optional.of(outbox));
		Flux.range(0, 1000).concatMap(i -> store.insert(Datasets.KIND, new Document("_id", "pid/" + (i % 250))
				.append("n", i)).onErrorResume(ex -> store.update(Datasets.KIND, "pid/" + (i % 250),
						new Document("$set", new Document("n", i))))).blockLast(WAIT);
		var written = System.nanoTime();
		Thread.sleep(2000);
		kafka.startBroker();

		var records = TestKafka.read(kafka.bootstrapServers(), "catalog.dataset", 1000, WAIT);

		System.out.printf("1000 writes while Kafka was down reached Kafka %d ms after the last write%n",
				(System.nanoTime() - written) / 1_000_000);
		assertThat(records).hasSize(1000);
		var ids = new HashSet<String>();
		var lastByKey = new HashMap<String, Long>();
		for (var record : records) {
			var event = mapper.readTree(record.value());
			assertThat(ids.add(event.get("id").asText())).as("id seen once").isTrue();
			long n = event.get("data").get("n").asLong();
			assertThat(n).as("order of " + record.key()).isGreaterThan(lastByKey.getOrDefault(record.key(), -1L));
			lastByKey.put(record.key(), n);
		}
		assertThat(lastByKey).hasSize(250);
		assertThat(Mono.from(outbox.entries().countDocuments()).block(WAIT)).isZero();
	}

	@Test
	void aWriteWhoseProcessDiedBeforeConfirmingStillArrivesAfterRestart(@TempDir Path dir) throws Exception {
		kafka = TestKafka.fresh();
		var file = dir.resolve("catalog.mv").toString();
		var outbox = new Outbox(connect(new MongoServer(new H2Backend(file))).getDatabase("events"), properties, () -> {
		});
		var entry = outbox.begin("Dataset", "pid/crashed", Change.Operation.CREATE).block(WAIT);
		Mono.from(client.getDatabase("events").getCollection("Dataset")
			.insertOne(new Document("_id", "pid/crashed").append("datasetName", "written, never confirmed"))).block(WAIT);
		outbox.begin("Dataset", "pid/never-written", Change.Operation.CREATE).block(WAIT);
		client.close();
		server.shutdownNow();

		start(new MongoServer(new H2Backend(file)));
		var records = TestKafka.read(kafka.bootstrapServers(), "catalog.dataset", 2, Duration.ofSeconds(8));

		assertThat(records).extracting(ConsumerRecord::key).containsExactly("pid/crashed");
		JsonNode event = mapper.readTree(records.get(0).value());
		assertThat(event.get("id").asText()).isEqualTo(entry);
		assertThat(event.get("type").asText()).isEqualTo("io.catalog.dataset.created");
		assertThat(event.get("data").get("datasetName").asText()).isEqualTo("written, never confirmed");
	}

	@Test
	void aMessageNotedWithAWriteIsSentWhenConfirmedAndDroppedWhenAbandoned() throws Exception {
		kafka = TestKafka.fresh();
		var events = new Events(start(new MongoServer(new MemoryBackend())));
		var sent = events.prepare("catalog.jobs.archive", "Job", "job-1", "UPDATE").block(WAIT);
		var dropped = events.prepare("catalog.jobs.archive", "Job", "job-2", "UPDATE").block(WAIT);

		events.abandon(List.of(dropped)).block(WAIT);
		events.confirm(List.of(sent), new Document("id", "job-1").append("statusCode", "jobSubmitted")).block(WAIT);
		var records = TestKafka.read(kafka.bootstrapServers(), "catalog.jobs.archive", 2, Duration.ofSeconds(8));

		assertThat(records).extracting(ConsumerRecord::key).containsExactly("job-1");
		JsonNode event = mapper.readTree(records.get(0).value());
		assertThat(event.get("id").asText()).isEqualTo(sent);
		assertThat(event.get("data").get("statusCode").asText()).isEqualTo("jobSubmitted");
	}

	@Test
	void largeDocumentsWrittenWhileKafkaIsDownStayWithinTheMemoryBoundAndAllArrive() throws Exception {
		kafka = TestKafka.fresh();
		kafka.close();
		var bounded = new EventProperties(null, Map.of(), properties.topics(), null, properties.recoverAfter(), 0,
				DataSize.ofMegabytes(4));
		var outbox = start(new MongoServer(new MemoryBackend()), bounded);
		var store = new DocumentStore(client.getDatabase("events"), List.of(), java.util.Optional.of(outbox));
		var description = "d".repeat(300_000);
		Flux.range(0, 40).concatMap(i -> store.insert(Datasets.KIND, new Document("_id", "pid/" + i)
				.append("n", i).append("description", description))).blockLast(WAIT);
		store.insert(Datasets.KIND, new Document("_id", "pid/huge").append("description", "h".repeat(3_000_000)))
			.block(WAIT);

		assertThat(outbox.heldBytes()).isLessThanOrEqualTo(DataSize.ofMegabytes(4).toBytes());
		kafka.startBroker();
		var records = TestKafka.read(kafka.bootstrapServers(), "catalog.dataset", 41, WAIT);

		assertThat(records).hasSize(41);
		for (var record : records) {
			var data = mapper.readTree(record.value()).get("data");
			if (record.key().equals("pid/huge")) {
				assertThat(data.get("dataOmitted").asBoolean()).isTrue();
			}
			else {
				assertThat(data.get("description").asText()).hasSize(300_000);
			}
		}
		assertThat(Mono.from(outbox.entries().countDocuments()).block(WAIT)).isZero();
	}

	private Outbox start(MongoServer mongo) {
		return start(mongo, properties);
	}

	/** Connects to the store and starts a relay towards the test's broker, as a restarted catalog would. */
	private Outbox start(MongoServer mongo, EventProperties properties) {
		var database = connect(mongo).getDatabase("events");
		var outbox = new Outbox(database, properties, () -> relay.wake());
		var events = new EventProperties(kafka.bootstrapServers(), Map.of(), properties.topics(), null,
				properties.recoverAfter(), 0, properties.outboxMemory());
		producer = configuration.eventProducer(new EventConfiguration.Brokers(kafka.bootstrapServers(), null), events);
		relay = new EventRelay(outbox, producer, new CloudEvents(mapper, events.source()), events);
		relay.start();
		return outbox;
	}

	private MongoClient connect(MongoServer mongo) {
		server = mongo;
		mongo.bind("127.0.0.1", 0);
		var address = mongo.getLocalAddress();
		client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
		return client;
	}

}
