package io.catalog.api.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.apache.qpid.server.SystemLauncher;

/**
 * The tests' mail server and AMQP broker, each real and on a random loopback port: GreenMail's SMTP server and an
 * embedded Apache Qpid Broker-J speaking AMQP 0-9-1 (what RabbitMQ clients speak), with user {@code catalog}.
 */
public final class TestBrokers {

	public static final String AMQP_USER = "catalog";

	public static final String AMQP_PASSWORD = "catalog-test";

	private TestBrokers() {
	}

	public static int freePort() {
		try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A started SMTP server; the caller stops it. */
	public static GreenMail smtp() {
		var mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mail.start();
		return mail;
	}

	/** A started AMQP 0-9-1 broker and its port; the caller shuts it down. */
	public record Amqp(SystemLauncher launcher, int port) implements AutoCloseable {

		@Override
		public void close() {
			launcher.shutdown();
		}

	}

	public static Amqp amqp() throws Exception {
		int port = freePort();
		var work = Files.createTempDirectory("qpid");
		var config = work.resolve("config.json");
		Files.writeString(config, """
				{
				  "name": "catalog-test",
				  "modelVersion": "9.0",
				  "authenticationproviders": [{"name": "plain", "type": "Plain", "secureOnlyMechanisms": [],
				    "users": [{"name": "%s", "password": "%s", "type": "managed"}]}],
				  "ports": [{"name": "AMQP", "port": %d, "bindingAddress": "127.0.0.1", "protocols": ["AMQP_0_9_1"],
				    "authenticationProvider": "plain",
				    "virtualhostaliases": [{"name": "defaultAlias", "type": "defaultAlias"}]}],
				  "virtualhostnodes": [{"name": "default", "type": "Memory", "defaultVirtualHostNode": "true",
				    "virtualHostInitialConfiguration": "{\\"type\\": \\"Memory\\"}"}]
				}
				""".formatted(AMQP_USER, AMQP_PASSWORD, port));
		var attributes = new HashMap<String, Object>();
		attributes.put("type", "Memory");
		attributes.put("initialConfigurationLocation", config.toUri().toString());
		attributes.put("startupLoggedToSystemOut", false);
		attributes.put("context", Map.of("qpid.work_dir", work.toString(), "qpid.home_dir", work.toString()));
		var launcher = new SystemLauncher();
		launcher.startup(attributes);
		return new Amqp(launcher, port);
	}

}
