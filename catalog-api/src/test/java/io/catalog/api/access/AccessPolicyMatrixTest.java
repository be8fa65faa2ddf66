package io.catalog.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import io.catalog.api.support.CatalogTest;

/**
 * The authorisation matrix: every route of the catalog, called by every kind of caller against seeded data, must
 * answer what {@code access-matrix.txt} says. A handler missing from the table fails the build. The observed matrix
 * is written to {@code target/access-matrix.observed.txt} for review.
 */
class AccessPolicyMatrixTest extends CatalogTest {

	private static final String TABLE = "/access-matrix.txt";

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	/** Handler name to the patterns it answers, for every catalog handler. */
	private Map<String, List<String>> handlers() {
		var handlers = new LinkedHashMap<String, List<String>>();
		mapping.getHandlerMethods().forEach((info, method) -> {
			if (method.getBeanType().getPackageName().startsWith("io.catalog.api")) {
				var name = method.getBeanType().getSimpleName() + "#" + method.getMethod().getName();
				var patterns = info.getPatternsCondition().getPatterns().stream().map(Object::toString).toList();
				var previous = handlers.put(name, patterns);
				assertThat(previous).as("handler names must be unique: %s", name).isNull();
			}
		});
		return handlers;
	}

	@Test
	void everyRouteIsInTheTable() {
		var rows = MatrixRow.read(TABLE);
		var handlers = handlers();
		var covered = rows.stream().map(MatrixRow::handler).collect(Collectors.toSet());
		assertThat(new TreeSet<>(handlers.keySet())).as("handlers missing from %s", TABLE).isSubsetOf(covered);
		for (var row : rows) {
			assertThat(handlers).as("table row for a handler that does not exist").containsKey(row.handler());
			var path = PathContainer.parsePath(row.path().replaceAll("\\{[a-z]+}", "x").replaceAll("\\?.*", ""));
			assertThat(mapping.getHandlerMethods().entrySet().stream()
				.filter(e -> (e.getValue().getBeanType().getSimpleName() + "#" + e.getValue().getMethod().getName())
					.equals(row.handler()))
				.flatMap(e -> e.getKey().getPatternsCondition().getPatterns().stream())
				.anyMatch(pattern -> pattern.matches(path)))
				.as("%s %s is a route of %s", row.method(), row.path(), row.handler()).isTrue();
		}
	}

	@Test
	void everyCellHolds() throws IOException {
		var rows = MatrixRow.read(TABLE);
		var seed = MatrixSeed.plant(this::created, this::token, database, web);
		var observed = new ArrayList<String>();
		var mismatches = new ArrayList<String>();
		boolean dirty = false;
		for (var row : rows) {
			var statuses = new ArrayList<String>();
			for (int i = 0; i < MatrixRow.CALLERS.size(); i++) {
				if (row.mutates() || dirty) {
					seed.restore();
				}
				dirty = row.mutates();
				var caller = MatrixRow.CALLERS.get(i);
				var status = call(seed, caller, row);
				statuses.add(status);
				if (row.expected().size() <= i || !row.expected().get(i).equals(status)) {
					mismatches.add(row.method() + " " + row.path() + " as " + caller + ": expected "
							+ (row.expected().size() > i ? row.expected().get(i) : "nothing") + ", got " + status);
				}
			}
			observed.add(row.withObserved(statuses));
		}
		Files.writeString(Path.of("target/access-matrix.observed.txt"), String.join("\n", observed) + "\n",
				StandardCharsets.UTF_8);
		assertThat(mismatches).as("cells that differ from %s", TABLE).isEmpty();
	}

	private String call(MatrixSeed seed, String caller, MatrixRow row) {
		WebTestClient client = seed.client(caller);
		var spec = client.method(HttpMethod.valueOf(row.method())).uri(row.path(), seed.ids());
		var body = seed.body(row.body());
		var response = (body == null ? spec.exchange()
				: spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange())
			.expectBody(JsonNode.class).returnResult();
		var status = String.valueOf(response.getStatus().value());
		var json = response.getResponseBody();
		if (!"GET".equals(row.method()) || json == null || !response.getStatus().is2xxSuccessful()) {
			return status;
		}
		if (json.isArray()) {
			return status + "/" + json.size();
		}
		return json.has("count") && json.size() == 1 ? status + "/" + json.get("count").asInt() : status;
	}

}
