package io.catalog.api.job;

import java.io.IOException;
import java.util.ArrayList;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The RabbitMQ connection of {@code rabbitmq} job actions, configured by SciCat's variables
 * ({@code RABBITMQ_ENABLED=yes}, {@code RABBITMQ_HOSTNAME}, {@code RABBITMQ_PORT}, {@code RABBITMQ_USERNAME},
 * {@code RABBITMQ_PASSWORD}). As in SciCat, each message binds its durable queue to its durable topic exchange by
 * its key and is published persistent. Connects at the first message and again after a lost connection; the
 * blocking client runs off the event loop.
 */
final class JobRabbit implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(JobRabbit.class);

	private final ConnectionFactory factory = new ConnectionFactory();

	private Connection connection;

	private Channel channel;

	/** Checks the settings; {@link IllegalStateException} names what is missing. */
	JobRabbit(JobProperties.Rabbitmq settings) {
		if (!settings.isEnabled()) {
			throw new IllegalStateException("rabbitmq actions need RABBITMQ_ENABLED=yes (and RABBITMQ_HOSTNAME, "
					+ "RABBITMQ_PORT, RABBITMQ_USERNAME, RABBITMQ_PASSWORD)");
		}
		var missing = new ArrayList<String>();
		if (blank(settings.hostname())) {
			missing.add("RABBITMQ_HOSTNAME");
		}
		if (settings.port() == null) {
			missing.add("RABBITMQ_PORT");
		}
		if (blank(settings.username())) {
			missing.add("RABBITMQ_USERNAME");
		}
		if (blank(settings.password())) {
			missing.add("RABBITMQ_PASSWORD");
		}
		if (!missing.isEmpty()) {
			throw new IllegalStateException("RabbitMQ is enabled but " + String.join(", ", missing)
					+ (missing.size() == 1 ? " is" : " are") + " not set");
		}
		factory.setHost(settings.hostname());
		factory.setPort(settings.port());
		factory.setUsername(settings.username());
		factory.setPassword(settings.password());
		factory.setConnectionTimeout(10_000);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	/** Publishes one message to the exchange with the key, the queue bound to it. */
	Mono<Void> send(String queue, String exchange, String key, byte[] message) {
		return Mono.<Void>fromCallable(() -> {
			publish(queue, exchange, key, message);
			return null;
		}).subscribeOn(Schedulers.boundedElastic()).then();
	}

	private synchronized void publish(String queue, String exchange, String key, byte[] message)
			throws IOException, TimeoutException {
		try {
			var open = channel();
			open.queueDeclare(queue, true, false, false, null);
			open.exchangeDeclare(exchange, "topic", true);
			open.queueBind(queue, exchange, key);
			open.basicPublish(exchange, key, MessageProperties.PERSISTENT_TEXT_PLAIN, message);
		}
		catch (IOException | RuntimeException ex) {
			close();
			throw new IOException("Could not send message to RabbitMQ queue " + queue + ": " + ex.getMessage(), ex);
		}
	}

	private Channel channel() throws IOException, TimeoutException {
		if (channel == null || !channel.isOpen()) {
			if (connection == null || !connection.isOpen()) {
				connection = factory.newConnection("catalog-api jobs");
				log.info("Connected to RabbitMQ at {}:{}", factory.getHost(), factory.getPort());
			}
			channel = connection.createChannel();
		}
		return channel;
	}

	@Override
	public synchronized void close() {
		try {
			if (connection != null && connection.isOpen()) {
				connection.close();
			}
		}
		catch (IOException ex) {
			log.debug("Closing the RabbitMQ connection: {}", ex.toString());
		}
		connection = null;
		channel = null;
	}

}
