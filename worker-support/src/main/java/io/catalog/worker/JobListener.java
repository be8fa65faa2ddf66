package io.catalog.worker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Hears new jobs on the worker's topics (the catalog's CloudEvents, the job in {@code data}), one record at a time,
 * and hands each to the worker's {@link JobQueue}. A record's offset is committed only once its job is claimed (or
 * found not to be this replica's): when the catalog does not answer, the record is read again later. While the
 * runner is full, the partitions are paused (the consumer keeps polling, so it stays in the group).
 */
public final class JobListener implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(JobListener.class);

	private final Properties config = new Properties();

	private final List<String> topics;

	private final JobQueue runner;

	private final String threadName;

	private final ObjectMapper mapper = new ObjectMapper();

	private volatile boolean running;

	private volatile KafkaConsumer<String, String> consumer;

	private Thread thread;

	/** A listener on {@code topics} for {@code runner}, reading on a thread called {@code threadName}. */
	public JobListener(String bootstrapServers, String groupId, List<String> topics, JobQueue runner, String threadName) {
		this.topics = topics;
		this.runner = runner;
		this.threadName = threadName;
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
		config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, String.valueOf(Duration.ofMinutes(30).toMillis()));
	}

	@Override
	public void start() {
		running = true;
		thread = new Thread(this::listen, threadName);
		thread.start();
	}

	private void listen() {
		try (var kafka = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
			consumer = kafka;
			kafka.subscribe(topics);
			while (running) {
				if (!runner.hasCapacity()) {
					kafka.pause(kafka.assignment());
					kafka.poll(Duration.ofMillis(500));
					continue;
				}
				kafka.resume(kafka.paused());
				for (var record : kafka.poll(Duration.ofSeconds(1))) {
					handle(kafka, record);
				}
			}
		}
		catch (WakeupException stopping) {
			// stop() woke the consumer up
		}
		catch (KafkaException ex) {
			log.error("job listener stopped", ex);
		}
	}

	private void handle(KafkaConsumer<String, String> kafka, ConsumerRecord<String, String> record) {
		var partition = new TopicPartition(record.topic(), record.partition());
		var id = jobId(record.value());
		try {
			if (id != null) {
				runner.offer(id);
			}
		}
		catch (UnavailableException ex) {
			log.warn("job {} not claimed yet ({}); reading it again", id, ex.getMessage());
			kafka.seek(partition, record.offset());
			return;
		}
		catch (RuntimeException ex) {
			log.error("job {} cannot be claimed, skipped: {}", id, ex.getMessage());
		}
		try {
			kafka.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
		}
		catch (KafkaException ex) {
			log.info("offset of job {} not committed ({}); its claim makes a second delivery harmless", id,
					ex.getMessage());
		}
	}

	/** The job id of a CloudEvent: {@code data.id}, else its {@code subject}; {@code null} when there is none. */
	String jobId(String event) {
		try {
			JsonNode node = mapper.readTree(event);
			var data = node.path("data");
			for (var field : List.of("id", "_id")) {
				if (data.path(field).isTextual()) {
					return data.path(field).asText();
				}
			}
			return node.path("subject").isTextual() ? node.path("subject").asText() : null;
		}
		catch (Exception ex) {
			log.warn("not a job event, skipped: {}", ex.getMessage());
			return null;
		}
	}

	@Override
	public void stop() {
		running = false;
		var kafka = consumer;
		if (kafka != null) {
			kafka.wakeup();
		}
		if (thread != null) {
			try {
				thread.join(Duration.ofSeconds(10).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

}
