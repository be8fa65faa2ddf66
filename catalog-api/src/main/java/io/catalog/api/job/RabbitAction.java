package io.catalog.api.job;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * SciCat's {@code rabbitmq} action: after the write, publishes the job as JSON to {@code exchange} with routing
 * {@code key}, the durable {@code queue} bound to it. Needs RabbitMQ configured ({@link JobRabbit}), else the
 * configuration is refused at start.
 */
final class RabbitAction implements JobType.Action {

	private static final Logger log = LoggerFactory.getLogger(RabbitAction.class);

	private final JobRabbit rabbit;

	private final ObjectMapper mapper;

	private final String queue;

	private final String exchange;

	private final String key;

	RabbitAction(Map<String, Object> options, JobRabbit rabbit, ObjectMapper mapper) {
		ActionOptions.allowOnly(options, "actionType", "exchange", "queue", "key");
		queue = ActionOptions.required(options, "queue");
		exchange = ActionOptions.required(options, "exchange");
		key = ActionOptions.required(options, "key");
		this.rabbit = rabbit;
		this.mapper = mapper;
	}

	@Override
	public Mono<Void> perform(JobContext context) {
		return Mono.defer(() -> {
			try {
				log.info("(Job {}) Publishing to RabbitMQ exchange {} with key {}", context.jobId(), exchange, key);
				return rabbit.send(queue, exchange, key, mapper.writeValueAsBytes(context.job()));
			}
			catch (JsonProcessingException ex) {
				return Mono.error(ex);
			}
		});
	}

}
