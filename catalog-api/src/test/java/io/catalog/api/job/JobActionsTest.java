package io.catalog.api.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.ConnectionFactory;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.reactive.function.client.WebClient;

import io.catalog.api.support.TestBrokers;

/** The actions that reach out, each against a real server: url (an HTTP server), email (SMTP), rabbitmq (AMQP). */
class JobActionsTest {

	private static final Map<String, Object> JOB = Map.of("id", "job-7", "type", "archive", "statusCode",
			"finishedSuccessful", "contactEmail", "beamline@facility.test", "jobParams",
			Map.of("subject", "Your data are on tape", "datasetList", List.of(Map.of("pid", "20.500/a b", "files", List.of()))));

	private static JobType.Step update(String yaml, JobProperties properties) throws Exception {
		var actions = new JobActions(new ObjectMapper(), WebClient.create(), properties);
		var text = "configVersion: test\njobs:\n  - jobType: archive\n    update:\n      actions:\n" + yaml.indent(8);
		return new JobConfigLoader("jobs.yaml", actions).load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
			.get("archive").update();
	}

	private static JobContext written(Map<String, Object> request) {
		return new JobContext(request, JOB, List.of(Map.of("pid", "20.500/a b")), Map.of("SITE", "test-site"));
	}

	/** A request as the HTTP server saw it. */
	record Seen(String method, String uri, String header, String body) {
	}

	@Test
	void urlCallsTheTemplatedAddressWithTemplatedHeadersAndBody() throws Exception {
		var seen = new ArrayBlockingQueue<Seen>(1);
		var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath() + "?"
					+ exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("X-Job-Status"),
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.start();
		try {
			var step = update("""
					- actionType: url
					  url: http://127.0.0.1:%d/notify/{{ job.type }}?job={{ job.id }}&pid={{{ urlencode job.jobParams.datasetList.[0].pid }}}
					  method: POST
					  headers:
					    X-Job-Status: "{{ job.statusCode }} at {{ env.SITE }}"
					  body: '{"job": {{{ jsonify (job_v3 job) }}}, "for": "{{ request.statusMessage }}"}'
					""".formatted(server.getAddress().getPort()), JobConfigLoaderTest.properties(null, null));

			step.perform(written(Map.of("statusMessage", "done"))).block();

			var request = seen.poll(10, TimeUnit.SECONDS);
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.uri()).isEqualTo("/notify/archive?job=job-7&pid=20.500%2Fa%20b");
			assertThat(request.header()).isEqualTo("finishedSuccessful at test-site");
			var body = new ObjectMapper().readTree(request.body());
			assertThat(body.at("/job/jobStatusMessage").asText()).isEqualTo("finishedSuccessful");
			assertThat(body.at("/job/datasetList/0/pid").asText()).isEqualTo("20.500/a b");
			assertThat(body.get("for").asText()).isEqualTo("done");
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void aUrlThatAnswersWithAnErrorFailsTheRequestUnlessErrorsAreIgnored() throws Exception {
		var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			exchange.sendResponseHeaders(503, -1);
			exchange.close();
		});
		server.start();
		try {
			var url = "http://127.0.0.1:" + server.getAddress().getPort() + "/busy";
			var strict = update("- actionType: url\n  url: " + url, JobConfigLoaderTest.properties(null, null));
			var lenient = update("- actionType: url\n  url: " + url + "\n  ignoreErrors: true",
					JobConfigLoaderTest.properties(null, null));

			assertThatThrownBy(() -> strict.perform(written(Map.of())).block())
				.isInstanceOfSatisfying(ErrorResponseException.class, ex -> assertThat(ex.getStatusCode().value()).isEqualTo(503));
			lenient.perform(written(Map.of())).block();
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void emailSendsTheTemplatedMailOverSmtp() throws Exception {
		var smtp = TestBrokers.smtp();
		try {
			var template = Files.createTempFile("job-mail", ".html");
			Files.writeString(template, """
					{{!-- a comment that stays out --}}
					<p>Job {{ job.id }} is {{ job.statusCode }}.</p>
					{{#each datasets}}<li>{{ pid }}</li>{{/each}}
					""");
			var step = update("""
					- actionType: email
					  to: "{{{ job.contactEmail }}}"
					  subject: '[Catalog] {{ default job.jobParams.subject "Job updated" }}'
					  bodyTemplateFile: %s
					""".formatted(template), JobConfigLoaderTest.properties(null, new JobProperties.Email("smtp",
					"catalog@facility.test", null, "127.0.0.1", smtp.getSmtp().getPort(), "no")));

			step.perform(written(Map.of())).block();

			assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
			var mail = smtp.getReceivedMessages()[0];
			assertThat(mail.getSubject()).isEqualTo("[Catalog] Your data are on tape");
			assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("beamline@facility.test");
			assertThat(mail.getFrom()[0].toString()).isEqualTo("catalog@facility.test");
			var html = String.valueOf(mail.getContent());
			assertThat(html).contains("Job job-7 is finishedSuccessful.").contains("<li>20.500/a b</li>")
				.doesNotContain("comment");
		}
		finally {
			smtp.stop();
		}
	}

	@Test
	void aSwitchSendsMailOnlyForTheStatusesItNames() throws Exception {
		var smtp = TestBrokers.smtp();
		try {
			var template = Files.createTempFile("job-mail", ".html");
			Files.writeString(template, "{{ job.statusCode }}");
			var step = update("""
					- actionType: switch
					  phase: perform
					  property: job.statusCode
					  cases:
					    - regex: /^finished/
					      actions:
					        - actionType: email
					          to: "{{{ job.contactEmail }}}"
					          subject: done
					          bodyTemplateFile: %s
					    - actions:
					        - actionType: log
					          perform: "Job {{ job.id }}: no mail for {{ job.statusCode }}"
					""".formatted(template), JobConfigLoaderTest.properties(null, new JobProperties.Email(null, null, null,
					"127.0.0.1", smtp.getSmtp().getPort(), null)));
			var running = new java.util.HashMap<>(JOB);
			running.put("statusCode", "inProgress");

			step.perform(new JobContext(Map.of(), running, List.of(), Map.of())).block();
			step.perform(written(Map.of())).block();

			assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
			assertThat(smtp.getReceivedMessages()).hasSize(1);
			assertThat(String.valueOf(smtp.getReceivedMessages()[0].getContent())).contains("finishedSuccessful");
		}
		finally {
			smtp.stop();
		}
	}

	@Test
	void rabbitmqPublishesTheJobToItsExchangeAndQueue() throws Exception {
		try (var broker = TestBrokers.amqp()) {
			var step = update("""
					- actionType: rabbitmq
					  exchange: jobs.write
					  queue: client.jobs.write
					  key: jobqueue
					""", JobConfigLoaderTest.properties(new JobProperties.Rabbitmq("yes", "127.0.0.1", broker.port(),
					TestBrokers.AMQP_USER, TestBrokers.AMQP_PASSWORD), null));

			step.perform(written(Map.of())).block();

			var factory = new ConnectionFactory();
			factory.setHost("127.0.0.1");
			factory.setPort(broker.port());
			factory.setUsername(TestBrokers.AMQP_USER);
			factory.setPassword(TestBrokers.AMQP_PASSWORD);
			try (var connection = factory.newConnection(); var channel = connection.createChannel()) {
				var message = channel.basicGet("client.jobs.write", true);
				assertThat(message).isNotNull();
				var job = new ObjectMapper().readTree(message.getBody());
				assertThat(job.get("id").asText()).isEqualTo("job-7");
				assertThat(message.getProps().getDeliveryMode()).isEqualTo(2);
			}
		}
	}

}
