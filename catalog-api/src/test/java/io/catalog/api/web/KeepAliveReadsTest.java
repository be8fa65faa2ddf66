package io.catalog.api.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.catalog.api.support.CatalogTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A keep-alive connection keeps being read after a request that arrived while the one before was still being
 * answered, and was then answered at once (Reactor Netty 1.2 stops reading such a connection: reactor-netty
 * issue 4361), so a client that reuses its connection never waits for an answer that does not come.
 */
class KeepAliveReadsTest extends CatalogTest {

	private static final String SLOW = "GET /api/v3/datasets HTTP/1.1\r\nHost: localhost\r\n\r\n";

	private static final String AT_ONCE = "GET /api/v3/datasets/count HTTP/1.1\r\nHost: localhost\r\n\r\n";

	@LocalServerPort
	int port;

	@Test
	void aConnectionIsReadAgainAfterAQueuedRequestWasAnsweredAtOnce() throws IOException {
		try (var socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			var out = socket.getOutputStream();
			var in = socket.getInputStream();
			out.write((SLOW + AT_ONCE).getBytes(StandardCharsets.US_ASCII));
			out.flush();
			assertThat(response(in)).startsWith("HTTP/1.1 200");
			assertThat(response(in)).startsWith("HTTP/1.1 200");

			out.write(AT_ONCE.getBytes(StandardCharsets.US_ASCII));
			out.flush();

			assertThat(response(in)).as("the third request on the connection is answered").startsWith("HTTP/1.1 200");
		}
	}

	/** One whole response: its head, then as many body bytes as Content-Length says. */
	private static String response(InputStream in) throws IOException {
		var head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				throw new IOException("connection closed after " + head);
			}
			head.write(b);
		}
		var text = head.toString(StandardCharsets.US_ASCII);
		int length = text.lines().filter(line -> line.toLowerCase().startsWith("content-length:"))
			.map(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).trim())).findFirst().orElse(0);
		in.readNBytes(length);
		return text;
	}

}
