package io.catalog.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.Requests;

/**
 * The inputs of issue 13 that stalled the catalog, dropped connections or answered 500: each is now a 4xx problem
 * naming the field, answered at once.
 */
class HostileInputTest extends CatalogTest {

	@Value("${local.server.port}")
	int port;

	private static Map<String, Object> withUnit(String unit) {
		var dataset = new HashMap<>(Requests.rawDataset("group1"));
		dataset.put("scientificMetadata", Map.of("area", Map.of("value", 1, "unit", unit)));
		return dataset;
	}

	private WebTestClient.ResponseSpec get(String username, String path, Map<String, String> params) {
		return as(username).get().uri(b -> {
			b.path(path);
			params.keySet().forEach(key -> b.queryParam(key, "{" + key + "}"));
			return b.build(params);
		}).exchange();
	}

	@Test
	void aNestedRepetitionInAnAnonymousLikeIsRefusedAtOnceNamingTheField() {
		created("admin", "/api/v3/datasets", withName("private-" + "a".repeat(19)));
		get(null, "/api/v3/datasets", Map.of()).expectStatus().isOk();
		long start = System.nanoTime();
		get(null, "/api/v3/datasets", Map.of("filter",
				"{\"where\":{\"datasetName\":{\"like\":\"^private-((a+)+)+$\"}}}")).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("where.datasetName.like");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void aLikeBetweenWordsStillFinds() {
		created("admin", "/api/v3/datasets", withName("second test dataset"));
		var found = get("admin", "/api/v3/datasets", Map.of("filter",
				"{\"where\":{\"datasetName\":{\"like\":\"(second|third).*dataset\"}}}")).expectStatus().isOk().expectBody(JSON_ARRAY).returnResult().getResponseBody();
		assertThat(found).hasSize(1);
	}

	@Test
	void aHugePowerInAnAnonymousConditionIsRefusedNamingTheField() {
		get(null, "/api/v3/datasets/fullquery", Map.of("fields",
				"{\"scientific\":[{\"lhs\":\"area\",\"relation\":\"GREATER_THAN\",\"rhs\":1,\"unit\":\"m^999999999\"}]}"))
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("fields.scientific[0].unit");
	}

	@Test
	void aHugePowerOnCreatePatchAndPutIsRefusedNamingTheField() {
		post("admin", "/api/v3/datasets", withUnit("m^30000")).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("scientificMetadata.area.unit");
		var pid = (String) created("admin", "/api/v3/datasets", withUnit("m^2")).get("pid");
		patch("admin", "/api/v3/datasets/{pid}", Map.of("scientificMetadata",
				Map.of("area", Map.of("value", 1, "unit", "m^30000"))), pid).expectStatus().isBadRequest();
		as("admin").put().uri("/api/v3/datasets/{pid}", pid).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(withUnit("m^30000")).exchange().expectStatus().isBadRequest();
	}

	@Test
	void aUnitWithALineBreakIsRefused() {
		post("admin", "/api/v3/datasets", withUnit("m\r\nFORGED 2026-01-01 INFO all is well")).expectStatus()
			.isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("scientificMetadata.area.unit");
	}

	@Test
	void aHundredThousandCharacterUnitIsRefusedAndNeverEchoedInAHeader() {
		post("admin", "/api/v3/datasets", withUnit("u".repeat(100_000))).expectStatus().isBadRequest()
			.expectHeader().doesNotExist("Catalog-Unknown-Units");
	}

	@Test
	void manyUnknownUnitsAreReportedInABoundedHeader() {
		var dataset = new HashMap<>(Requests.rawDataset("group1"));
		var metadata = new HashMap<String, Object>();
		for (int i = 0; i < 500; i++) {
			metadata.put("k" + i, Map.of("value", i, "unit", "furlong" + "x".repeat(50) + i));
		}
		dataset.put("scientificMetadata", metadata);
		var header = post("admin", "/api/v3/datasets", dataset).expectStatus().is2xxSuccessful()
			.returnResult(Void.class).getResponseHeaders().getFirst("Catalog-Unknown-Units");
		assertThat(header).hasSizeLessThan(2048);
	}

	@Test
	void aSeventyKilobyteUrlIsA414Problem() throws Exception {
		var client = HttpClient.newHttpClient();
		var response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v3/datasets?filter="
				+ "x".repeat(70_000))).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(414);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":414").contains("\"statusCode\":414");
	}

	@Test
	void aTooLongUrlOnAKeptAliveConnectionIsAnsweredAtOnce() throws Exception {
		for (int attempt = 0; attempt < 60; attempt++) {
			try (var socket = new Socket("127.0.0.1", port)) {
				socket.setSoTimeout(5_000);
				var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
				for (int i = 0; i < 1 + attempt % 4; i++) {
					assertThat(exchange(socket, in, "/api/v3/datasets")).startsWith("HTTP/1.1 200");
				}
				var refused = exchange(socket, in, "/api/v3/datasets?filter=" + "x".repeat(5_000 << (attempt % 5)));
				assertThat(refused).as("attempt %d", attempt).startsWith("HTTP/1.1 414").contains("\"status\":414");
			}
		}
	}

	/** Sends a GET on the connection and reads one whole answer (status line, headers, body of its length). */
	private static String exchange(Socket socket, BufferedReader in, String path) throws IOException {
		socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1));
		var answer = new StringBuilder();
		int length = 0;
		for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
			answer.append(line).append('\n');
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				length = Integer.parseInt(line.substring(15).trim());
			}
		}
		var body = new char[length];
		for (int read = 0; read < length;) {
			read += in.read(body, read, length - read);
		}
		return answer.append(body).toString();
	}

	private static Map<String, Object> withName(String name) {
		var dataset = new HashMap<>(Requests.rawDataset("group1"));
		dataset.put("datasetName", name);
		dataset.put("keywords", List.of());
		return dataset;
	}

}
