package io.catalog.api.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds the actions of a job configuration: SciCat's {@code log}, {@code validate}, {@code url}, {@code email},
 * {@code rabbitmq}, {@code switch} and {@code error}, and ours, {@code kafka} (the job to a topic, through the
 * outbox). A mistake in an action's options is an {@link ActionException} that points at the options at fault.
 * The mail and RabbitMQ connections are made only when an action needs them, and closed with {@link #close()}.
 */
class JobActions implements AutoCloseable {

	static final List<String> KNOWN = List.of("log", "validate", "url", "email", "rabbitmq", "switch", "error", "kafka");

	/** A mistake in one action's options; {@code options} is the map at fault, for its line. */
	static final class ActionException extends IllegalArgumentException {

		private final transient Object options;

		ActionException(Object options, String message, Throwable cause) {
			super(message, cause);
			this.options = options;
		}

		Object options() {
			return options;
		}

	}

	private final ObjectMapper mapper;

	private final WebClient web;

	private final JobProperties properties;

	private final JobTemplates templates;

	private final JobSchemas schemas;

	private Path configDirectory;

	private JobMailer mailer;

	private JobRabbit rabbit;

	JobActions(ObjectMapper mapper, WebClient web, JobProperties properties) {
		this.mapper = mapper;
		this.web = web;
		this.properties = properties;
		this.templates = new JobTemplates(mapper);
		this.schemas = new JobSchemas(mapper);
	}

	/** Where relative template files are looked for after the working directory. */
	JobActions relativeTo(Path directory) {
		this.configDirectory = directory;
		return this;
	}

	/** An action from its configuration, for a create step or an update step. */
	JobType.Action create(Object config, boolean onCreate) {
		if (!(config instanceof Map<?, ?> raw) || !(raw.get("actionType") instanceof String type)) {
			throw new ActionException(config, "an action needs an actionType", null);
		}
		@SuppressWarnings("unchecked")
		var options = (Map<String, Object>) raw;
		try {
			return switch (type) {
				case "log" -> new LogAction(options, templates);
				case "validate" -> new ValidateAction(options, onCreate, schemas, mapper);
				case "url" -> new UrlAction(options, templates, web, mapper);
				case "email" -> new EmailAction(options, templates, mailer(), configDirectory);
				case "rabbitmq" -> new RabbitAction(options, rabbit(), mapper);
				case "switch" -> new SwitchAction(options, this, onCreate, schemas, mapper);
				case "error" -> new ErrorAction(options, templates);
				case "kafka" -> new KafkaAction(ActionOptions.required(options, "topic"));
				default -> throw new IllegalArgumentException("unknown actionType " + type + "; known: "
						+ String.join(", ", KNOWN));
			};
		}
		catch (ActionException ex) {
			throw ex;
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			throw new ActionException(options, ex.getMessage(), ex);
		}
	}

	private JobMailer mailer() {
		if (mailer == null) {
			var email = properties.email();
			if (!"smtp".equalsIgnoreCase(email.type())) {
				throw new IllegalStateException("email actions need EMAIL_TYPE=smtp; " + email.type() + " is not supported");
			}
			mailer = new JobMailer(email);
		}
		return mailer;
	}

	private JobRabbit rabbit() {
		if (rabbit == null) {
			rabbit = new JobRabbit(properties.rabbitmq());
		}
		return rabbit;
	}

	@Override
	public void close() {
		if (rabbit != null) {
			rabbit.close();
		}
	}

	/** Sends the job to a topic: noted in the outbox with the job's write (see {@link JobService}). */
	record KafkaAction(String topic) implements JobType.Action {
	}

	/** Every action of a list, for one step. */
	List<JobType.Action> createAll(List<?> configs, boolean onCreate) {
		var list = new ArrayList<JobType.Action>();
		configs.forEach(config -> list.add(create(config, onCreate)));
		return list;
	}

}
