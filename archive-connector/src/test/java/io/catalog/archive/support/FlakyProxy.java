package io.catalog.archive.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** An HTTP hop in front of the catalog that passes requests on, or answers 503 to all while it is "down". */
public final class FlakyProxy implements AutoCloseable {

	private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade",
			"http2-settings", "transfer-encoding", "keep-alive");

	private final HttpServer server;

	private final ExecutorService threads = Executors.newFixedThreadPool(8);

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String target;

	private final AtomicInteger refused = new AtomicInteger();

	private volatile boolean down;

	public FlakyProxy(String target) {
		this.target = target;
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/", this::pass);
		server.setExecutor(threads);
		server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	public void down(boolean down) {
		this.down = down;
	}

	/** Requests answered 503 so far. */
	public int refused() {
		return refused.get();
	}

	private void pass(HttpExchange exchange) throws IOException {
		try (exchange) {
			var body = exchange.getRequestBody().readAllBytes();
			if (down) {
				refused.incrementAndGet();
				exchange.sendResponseHeaders(503, -1);
				return;
			}
			var request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
				.method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofByteArray(body));
			exchange.getRequestHeaders().forEach((name, values) -> {
				if (!HOP_HEADERS.contains(name.toLowerCase())) {
					values.forEach(value -> request.header(name, value));
				}
			});
			HttpResponse<byte[]> answer;
			try {
				answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				exchange.sendResponseHeaders(503, -1);
				return;
			}
			answer.headers().map().forEach((name, values) -> {
				if (!HOP_HEADERS.contains(name.toLowerCase()) && !name.startsWith(":")) {
					exchange.getResponseHeaders().put(name, values);
				}
			});
			var content = answer.body();
			exchange.sendResponseHeaders(answer.statusCode(), content.length == 0 ? -1 : content.length);
			if (content.length > 0) {
				exchange.getResponseBody().write(content);
			}
		}
	}

	@Override
	public void close() {
		server.stop(0);
		threads.shutdownNow();
	}

}
