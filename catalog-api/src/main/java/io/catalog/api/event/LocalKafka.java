package io.catalog.api.event;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft mode, in its own JVM on loopback, from the Kafka jars on the
 * classpath, with its data in a folder: formatted on first start, reused (same ports) after. For the local run
 * and the tests; production names its brokers in {@code KAFKA_BOOTSTRAP_SERVERS}.
 */
public final class LocalKafka implements AutoCloseable {

	/** How long a broker may take to listen (a first start on a busy two-core machine took over a minute). */
	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);

	private final Path dir;

	private final Properties server;

	private Process process;

	private LocalKafka(Path dir, Properties server) {
		this.dir = dir;
		this.server = server;
	}

	/** Prepares (formatting on first use) and starts the broker whose data lives in {@code dir}. */
	public static LocalKafka start(Path dir) throws IOException, InterruptedException {
		Files.createDirectories(dir);
		var config = dir.resolve("server.properties");
		var server = new Properties();
		if (Files.exists(config)) {
			try (InputStream in = Files.newInputStream(config)) {
				server.load(in);
			}
		}
		else {
			server.putAll(defaults(dir, freePort(), freePort()));
			try (OutputStream out = Files.newOutputStream(config)) {
				server.store(out, "local Kafka broker (KRaft)");
			}
		}
		var kafka = new LocalKafka(dir, server);
		kafka.stopLeftover();
		if (!Files.exists(dir.resolve("logs").resolve("meta.properties"))) {
			kafka.run("kafka.tools.StorageTool", "format", "--standalone", "-t", Uuid.randomUuid().toString(),
					"-c", config.toString());
		}
		kafka.startBroker();
		return kafka;
	}

	/** {@code host:port} for clients. */
	public String bootstrapServers() {
		return "127.0.0.1:" + server.getProperty("catalog.port");
	}

	/** Starts the broker again after {@link #close()}, on the same port with the same data. */
	public synchronized void startBroker() throws IOException, InterruptedException {
		if (process != null && process.isAlive()) {
			return;
		}
		process = java("kafka.Kafka", dir.resolve("server.properties").toString())
			.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile()))
			.start();
		Files.writeString(dir.resolve("broker.pid"), Long.toString(process.pid()));
		var deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (!reachable()) {
			if (!process.isAlive() || System.nanoTime() > deadline) {
				process.destroyForcibly();
				throw new IOException("Kafka broker did not start; see " + dir.resolve("broker.log"));
			}
			Thread.sleep(200);
		}
		log.info("Kafka broker (KRaft) listening on {}, data in {}", bootstrapServers(), dir.toAbsolutePath());
	}

	/** Stops the broker cleanly (its data stays). */
	@Override
	public synchronized void close() {
		if (process == null) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		process = null;
	}

	/** A broker this folder's earlier run started and left behind (its parent was killed) is stopped first. */
	private void stopLeftover() throws IOException {
		var pidFile = dir.resolve("broker.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
			.filter(handle -> handle.info().commandLine().map(line -> line.contains("kafka.Kafka")
					&& line.contains(dir.resolve("server.properties").toString())).orElse(false))
			.ifPresent(handle -> {
				log.info("Stopping the Kafka broker a previous run left behind (pid {})", handle.pid());
				handle.destroy();
				handle.onExit().join();
			});
	}

	private boolean reachable() {
		try (var socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(server.getProperty("catalog.port"))), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private void run(String main, String... args) throws IOException, InterruptedException {
		var tool = java(main, args).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile())).start();
		if (tool.waitFor() != 0) {
			throw new IOException(main + " failed; see " + dir.resolve("broker.log"));
		}
	}

	/** A JVM on this one's class path (or, from a Spring Boot jar, its nested jars) running {@code main}. */
	private ProcessBuilder java(String main, String... args) throws IOException {
		var logback = dir.resolve("logback.xml");
		Files.writeString(logback, """
				<configuration><appender name="OUT" class="ch.qos.logback.core.ConsoleAppender"><encoder>
				<pattern>%d %-5level %logger{30} - %msg%n</pattern></encoder></appender>
				<root level="WARN"><appender-ref ref="OUT"/></root></configuration>
				""");
		var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-Dlogback.configurationFile=" + logback.toAbsolutePath()));
		var classPath = System.getProperty("java.class.path");
		if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator) && bootJar(classPath)) {
			command.addAll(List.of("-Dloader.main=" + main, "-cp", classPath,
					"org.springframework.boot.loader.launch.PropertiesLauncher"));
		}
		else {
			command.addAll(List.of("-cp", classPath, main));
		}
		command.addAll(List.of(args));
		return new ProcessBuilder(command).redirectErrorStream(true);
	}

	private static boolean bootJar(String jar) throws IOException {
		try (var file = new java.util.jar.JarFile(jar)) {
			return file.getEntry("BOOT-INF/lib/") != null || file.getEntry("BOOT-INF/classes/") != null;
		}
	}

	private static Properties defaults(Path dir, int port, int controllerPort) {
		var p = new Properties();
		p.setProperty("catalog.port", Integer.toString(port));
		p.setProperty("process.roles", "broker,controller");
		p.setProperty("node.id", "1");
		p.setProperty("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
		p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
		p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
		p.setProperty("controller.listener.names", "CONTROLLER");
		p.setProperty("inter.broker.listener.name", "PLAINTEXT");
		p.setProperty("log.dirs", dir.resolve("logs").toAbsolutePath().toString());
		p.setProperty("num.partitions", "3");
		p.setProperty("offsets.topic.replication.factor", "1");
		p.setProperty("transaction.state.log.replication.factor", "1");
		p.setProperty("transaction.state.log.min.isr", "1");
		p.setProperty("share.coordinator.state.topic.replication.factor", "1");
		p.setProperty("share.coordinator.state.topic.min.isr", "1");
		p.setProperty("group.initial.rebalance.delay.ms", "0");
		p.setProperty("auto.create.topics.enable", "true");
		return p;
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
