package io.catalog.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.PathContainer;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import io.catalog.api.support.CatalogTest;

/**
 * The authorisation matrix: every route of the catalog, called by every kind of caller against seeded data, must
 * answer what {@code access-matrix.txt} says; a row under {@code /api/v3} also checks its {@code /api/v4} twin where
 * the same handler serves it and the twin has no row of its own. A route (handler, HTTP method, path pattern) no row reaches fails the build. The observed matrix
 * is written to {@code target/access-matrix.observed.txt} for review.
 */
class AccessPolicyMatrixTest extends CatalogTest {

	private static final String TABLE = "/access-matrix.txt";

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	/** Every route: a handler with one of its HTTP methods and one of its path patterns. */
	private record Route(String handler, String method, PathPattern pattern) {

		boolean matches(String handlerName, String httpMethod, String path) {
			return handler.equals(handlerName) && method.equals(httpMethod) && pattern.matches(
					PathContainer.parsePath(path.replaceAll("\\{[a-z]+}", "x").replaceAll("\\?.*", "")));
		}

	}

	private List<Route> routes() {
		var routes = new ArrayList<Route>();
		mapping.getHandlerMethods().forEach((info, method) -> {
			if (method.getBeanType().getPackageName().startsWith("io.catalog.api")) {
				var name = method.getBeanType().getSimpleName() + "#" + method.getMethod().getName();
				for (var httpMethod : info.getMethodsCondition().getMethods()) {
					for (var pattern : info.getPatternsCondition().getPatterns()) {
						routes.add(new Route(name, httpMethod.name(), pattern));
					}
				}
			}
		});
		return routes;
	}

	/**
	 * The row's path, and its {@code /api/v4} twin where the same handler answers that too and no row of its own
	 * names the twin (v4 bodies differ where SciCat's do, as for jobs).
	 */
	private static List<String> paths(MatrixRow row, List<Route> routes, List<MatrixRow> rows) {
		var twin = row.path().replaceFirst("^/api/v3/", "/api/v4/");
		boolean hasTwin = !twin.equals(row.path())
				&& routes.stream().anyMatch(route -> route.matches(row.handler(), row.method(), twin))
				&& rows.stream().noneMatch(other -> other.method().equals(row.method()) && other.path().equals(twin));
		return hasTwin ? List.of(row.path(), twin) : List.of(row.path());
	}

	@Test
	void everyRouteIsInTheTable() {
		var rows = MatrixRow.read(TABLE);
		var routes = routes();
		for (var row : rows) {
			assertThat(routes.stream().anyMatch(route -> route.matches(row.handler(), row.method(), row.path())))
				.as("%s %s is a route of %s", row.method(), row.path(), row.handler()).isTrue();
		}
		var missing = routes.stream()
			.filter(route -> rows.stream().noneMatch(row -> paths(row, routes, rows).stream()
				.anyMatch(path -> route.matches(row.handler(), row.method(), path))))
			.map(route -> route.method() + " " + route.pattern() + " (" + route.handler() + ")")
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(missing).as("routes missing from %s", TABLE).isEmpty();
	}

	@Test
	void everyCellHolds() throws IOException {
		var rows = MatrixRow.read(TABLE);
		var routes = routes();
		var seed = MatrixSeed.plant(this::created, this::token, database, web,
				() -> searchIndexes.rebuild().block(Duration.ofSeconds(30)));
		var observed = new ArrayList<String>();
		var mismatches = new ArrayList<String>();
		boolean dirty = false;
		for (var row : rows) {
			var statuses = new ArrayList<String>();
			for (int i = 0; i < MatrixRow.CALLERS.size(); i++) {
				if (!row.mutates() && dirty) {
					seed.restore();
				}
				dirty = row.mutates();
				var caller = MatrixRow.CALLERS.get(i);
				var expected = row.expected().size() > i ? row.expected().get(i) : "nothing";
				for (var path : paths(row, routes, rows)) {
					if (row.mutates()) {
						seed.restore();
					}
					var status = call(seed, caller, row.method(), path, row.body());
					if (path.equals(row.path())) {
						statuses.add(status);
					}
					if (!expected.equals(status)) {
						mismatches.add(row.method() + " " + path + " as " + caller + ": expected " + expected + ", got "
								+ status);
					}
				}
			}
			observed.add(row.withObserved(statuses));
		}
		Files.writeString(Path.of("target/access-matrix.observed.txt"), String.join("\n", observed) + "\n",
				StandardCharsets.UTF_8);
		assertThat(mismatches).as("cells that differ from %s", TABLE).isEmpty();
	}

	private String call(MatrixSeed seed, String caller, String method, String path, String bodyName) {
		WebTestClient client = seed.client(caller);
		if ("stream".equals(bodyName)) {
			return firstEvent(client, path, seed);
		}
		var spec = client.method(HttpMethod.valueOf(method)).uri(path, seed.ids());
		var body = seed.body(bodyName);
		var response = (body == null ? spec.exchange()
				: spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange())
			.expectBody(JsonNode.class).returnResult();
		var status = String.valueOf(response.getStatus().value());
		var json = response.getResponseBody();
		if (!"GET".equals(method) || json == null || !response.getStatus().is2xxSuccessful()) {
			return status;
		}
		if (json.isArray()) {
			return status + "/" + json.size();
		}
		if (json.isObject() && json.isEmpty()) {
			return status + "/0"; // nothing shown, as SciCat's v4 answers a find that matches nothing readable
		}
		return json.has("count") && json.size() == 1 ? status + "/" + json.get("count").asInt() : status;
	}

	/**
	 * A server-sent-events route (body {@code stream} in the table): its status, and for a 2xx how many documents
	 * its first event shows; the stream is then left.
	 */
	private String firstEvent(WebTestClient client, String path, MatrixSeed seed) {
		var result = client.get().uri(path, seed.ids()).accept(MediaType.TEXT_EVENT_STREAM).exchange()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
			});
		var status = String.valueOf(result.getStatus().value());
		if (!result.getStatus().is2xxSuccessful()) {
			return status;
		}
		var first = result.getResponseBody().blockFirst(Duration.ofSeconds(10));
		return first == null || first.data() == null ? status : status + "/" + first.data().size();
	}

}
