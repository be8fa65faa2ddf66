package io.catalog.ingestor.route;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/**
 * Catalogs the records of a Kafka batch side by side, each through the run route (with its retries and dead letter)
 * on a bounded pool; then commits, per partition, the highest offset below which every run is done (catalogued or
 * dead-lettered). Commits run on the consumer's own thread, which waits for the batch.
 * <p>
 * A run left unfinished (the catalog did not answer through all retries) fails the batch once the runs already
 * started are over; runs not started yet are left alone. The consumer then reads again from the first unfinished
 * offset, so a crash or an outage never skips a run; runs after it that were done come again and are recognised by
 * their pid.
 */
final class KafkaBatches implements Processor {

	private final ProducerTemplate template;

	private final String route;

	private final ExecutorService pool;

	KafkaBatches(ProducerTemplate template, String route, ExecutorService pool) {
		this.template = template;
		this.route = route;
		this.pool = pool;
	}

	/** Where a record stands in its partition, taken before the run route may change the record's headers. */
	record Position(String partition, long offset, KafkaManualCommit commit) {

		static Position of(Exchange record) {
			var message = record.getMessage();
			return new Position(message.getHeader(KafkaConstants.TOPIC, String.class) + "-"
					+ message.getHeader(KafkaConstants.PARTITION, Integer.class),
					message.getHeader(KafkaConstants.OFFSET, Long.class),
					message.getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class));
		}

	}

	@Override
	public void process(Exchange batch) throws Exception {
		List<Exchange> records = records(batch);
		var positions = records.stream().map(Position::of).toList();
		var stopped = new AtomicBoolean();
		var runs = new ArrayList<CompletableFuture<Boolean>>(records.size());
		for (var record : records) {
			runs.add(CompletableFuture.supplyAsync(() -> catalog(record, stopped), pool));
		}
		var done = runs.stream().map(CompletableFuture::join).toList();
		committable(positions, done).forEach(position -> position.commit().commit());
		for (var record : records) {
			if (record.getException() != null) {
				throw record.getException();
			}
		}
	}

	/** Runs one record through the run route; {@code false} when it is not done (or was not started). */
	private boolean catalog(Exchange record, AtomicBoolean stopped) {
		if (stopped.get()) {
			return false;
		}
		template.send(route, record);
		if (record.getException() != null) {
			stopped.set(true);
			return false;
		}
		return true;
	}

	/** Per partition, the highest done position with no unfinished position of the batch below it. */
	static Collection<Position> committable(List<Position> positions, List<Boolean> done) {
		Map<String, Long> firstUnfinished = new HashMap<>();
		for (int i = 0; i < positions.size(); i++) {
			if (!done.get(i)) {
				firstUnfinished.merge(positions.get(i).partition(), positions.get(i).offset(), Math::min);
			}
		}
		Map<String, Position> highestDone = new LinkedHashMap<>();
		for (int i = 0; i < positions.size(); i++) {
			var position = positions.get(i);
			if (done.get(i) && position.offset() < firstUnfinished.getOrDefault(position.partition(), Long.MAX_VALUE)) {
				highestDone.merge(position.partition(), position,
						(kept, next) -> next.offset() > kept.offset() ? next : kept);
			}
		}
		return highestDone.values();
	}

	@SuppressWarnings("unchecked")
	private static List<Exchange> records(Exchange batch) {
		return batch.getMessage().getBody(List.class);
	}

}
