package io.catalog.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.catalog.api.support.CatalogTest;

class LenientUrisTest extends CatalogTest {

	@LocalServerPort
	int port;

	@Test
	void bareBracesAndSpacesAreEncodedAndLegalUrisLeftAlone() {
		assertThat(LenientUris.encode("/api/v3/samples/fullquery?limits={}")).isEqualTo("/api/v3/samples/fullquery?limits=%7B%7D");
		assertThat(LenientUris.encode("/a?f={\"x\":\"a|b\"}")).isEqualTo("/a?f=%7B%22x%22:%22a%7Cb%22%7D");
		assertThat(LenientUris.encode("/api/v3/datasets/p%2F1?filter=%7B%7D")).isNull();
		assertThat(LenientUris.encode("/caf\u00c3\u00a9")).as("raw UTF-8 bytes, one char each").isEqualTo("/caf%C3%A9");
	}

	@Test
	void aRequestWithBareBracesInItsQueryIsServed() throws IOException {
		try (var socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(60_000);
			var request = "GET /api/v3/instruments?filter={} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			assertThat(statusLine(socket.getInputStream())).isEqualTo("HTTP/1.1 200 OK");
		}
	}

	private static String statusLine(InputStream in) throws IOException {
		var line = new StringBuilder();
		for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
			line.append((char) c);
		}
		return line.toString();
	}

}
