package io.catalog.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP hop in front of the test catalog that passes every request on, except that it can answer 503 (the
 * catalog "does not answer") to requests whose body contains a marker, so one run fails while the others go through.
 */
public final class CatalogProxy implements AutoCloseable {

	private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade",
			"http2-settings", "transfer-encoding", "keep-alive");

	private final HttpServer server;

	private final ExecutorService threads = Executors.newFixedThreadPool(16);

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String target;

	private final AtomicInteger refused = new AtomicInteger();

	private final Queue<String> passed = new ConcurrentLinkedQueue<>();

	private volatile String refuseMarker;

	private CatalogProxy(String target) throws IOException {
		this.target = target;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
		server.createContext("/", this::pass);
		server.setExecutor(threads);
		server.start();
	}

	/** A proxy on a random port of 127.0.0.1 passing requests on to {@code target}. */
	public static CatalogProxy to(String target) {
		try {
			return new CatalogProxy(target);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** From now on, answers 503 to every request whose body contains {@code marker}. */
	public void refuseBodiesContaining(String marker) {
		this.refuseMarker = marker;
	}

	/** From now on, answers 503 to every request: the catalog is down. */
	public void refuseAll() {
		this.refuseMarker = "";
	}

	/** Passes every request on again. */
	public void passAll() {
		this.refuseMarker = null;
	}

	/** The requests passed on so far, as {@code METHOD /path}, in order. */
	public List<String> passed() {
		return List.copyOf(passed);
	}

	/** How many requests were answered 503 so far. */
	public int refused() {
		return refused.get();
	}

	private void pass(HttpExchange exchange) throws IOException {
		try (exchange) {
			var body = exchange.getRequestBody().readAllBytes();
			var marker = refuseMarker;
			if (marker != null && new String(body, StandardCharsets.UTF_8).contains(marker)) {
				refused.incrementAndGet();
				exchange.sendResponseHeaders(503, -1);
				return;
			}
			passed.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
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
