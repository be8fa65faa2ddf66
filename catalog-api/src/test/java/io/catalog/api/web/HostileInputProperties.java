package io.catalog.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.catalog.api.CatalogApplication;
import io.catalog.api.support.Requests;
import io.catalog.api.support.TestAccounts;
import io.catalog.api.support.TestKafka;
import io.catalog.api.support.TestStore;

/**
 * Thousands of generated filters, search fields, units and write bodies against a whole catalog over real HTTP:
 * never a 5xx, never a dropped connection, a refused create leaves nothing behind, and the heap after the run
 * stays within a bound (every cache keyed by client text is bounded).
 */
class HostileInputProperties {

	/** How much the heap may have grown over the run, after a full collection. */
	private static final long HEAP_GROWTH_BOUND = 192L << 20;

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final List<String> LIST_ROUTES = List.of("/api/v3/datasets", "/api/v3/datasets/findOne",
			"/api/v4/datasets", "/api/v3/samples", "/api/v3/proposals", "/api/v3/origdatablocks", "/api/v3/datablocks",
			"/api/v3/instruments", "/api/v3/policies", "/api/v3/publisheddata", "/api/v3/jobs", "/api/v3/attachments");

	private static final List<String> SEARCH_ROUTES = List.of("/api/v3/datasets/fullquery", "/api/v3/datasets/fullfacet",
			"/api/v3/datasets/metadataKeys", "/api/v3/samples/fullquery", "/api/v3/proposals/fullquery",
			"/api/v3/origdatablocks/fullquery");

	private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private static ConfigurableApplicationContext app;

	private static HttpClient http;

	private static String base;

	private static String seedPid;

	private static long heapBefore;

	@BeforeContainer
	static void start() throws Exception {
		// as arguments, which win over application.yml (default properties would not)
		app = new SpringApplicationBuilder(CatalogApplication.class).run(
				"--server.port=0",
				"--catalog.store.uri=" + TestStore.uri().replace("/catalog-test", "/catalog-fuzz"),
				"--catalog.events.bootstrap-servers=" + TestKafka.bootstrapServers(),
				"--catalog.auth.functional-accounts-file=" + TestAccounts.file(),
				"--catalog.auth.jwt-secret=fuzz-secret-of-more-than-thirty-two-bytes-" + UUID.randomUUID(),
				"--catalog.access.admin-groups=admin",
				"--catalog.access.create-dataset-groups=group1,group2,group3",
				"--catalog.access.sample-groups=group1",
				"--catalog.access.proposal-groups=proposalingestor",
				"--catalog.auth.login.max-failures-per-source=1000000",
				"--logging.level.io.catalog=WARN");
		base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
		http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
		seedPid = (String) MAPPER.readValue(send("POST", "/api/v3/datasets", Requests.rawDataset("group1"), "admin").body(),
				Map.class).get("pid");
		heapBefore = usedHeapAfterCollection();
	}

	@AfterContainer
	static void stop() {
		try {
			long growth = usedHeapAfterCollection() - heapBefore;
			System.out.printf("Heap after the hostile run: %d MB more than before%n", growth >> 20);
			assertThat(growth).as("heap growth over the run").isLessThan(HEAP_GROWTH_BOUND);
		}
		finally {
			app.close();
		}
	}

	@Property(tries = 1200)
	void noFilterFailsTheCatalog(@ForAll("lists") String route, @ForAll("filters") String filter,
			@ForAll("users") String user) throws Exception {
		var parameter = route.endsWith("/count") ? "where" : "filter";
		assertAnswered(send("GET", route + "?" + parameter + "=" + encode(filter), null, user));
		assertAnswered(send("GET", route.replace("/findOne", "") + "/count?where=" + encode(filter), null, user));
	}

	@Property(tries = 600)
	void noSearchFailsTheCatalog(@ForAll("searches") String route, @ForAll("searchFields") String fields,
			@ForAll("users") String user) throws Exception {
		assertAnswered(send("GET", route + "?fields=" + encode(fields) + "&limits=" + encode("{\"limit\":5}"), null, user));
	}

	@Property(tries = 1200)
	void noWriteFailsTheCatalogOrIsHalfMade(@ForAll("writes") Write write) throws Exception {
		var response = send(write.method(), write.path(), write.body(), write.user());
		Statistics.collect(write.method() + " " + (response.statusCode() / 100) + "xx");
		assertAnswered(response);
		if (write.marker() != null && response.statusCode() >= 400) {
			var where = encode("{\"datasetName\":\"" + write.marker() + "\"}");
			var count = MAPPER.readTree(send("GET", "/api/v3/datasets/count?where=" + where, null, "admin").body());
			assertThat(count.get("count").asLong()).as("a refused create left a dataset behind").isZero();
		}
	}

	private static void assertAnswered(HttpResponse<String> response) {
		assertThat(response.statusCode()).as("%s %s answered %s", response.request().method(),
				abbreviate(response.request().uri().toString()), abbreviate(response.body())).isLessThan(500);
		if (response.statusCode() >= 400) {
			assertThat(response.headers().firstValue("Content-Type").orElse("")).as(abbreviate(response.body()))
				.contains("json");
		}
	}

	@Provide
	Arbitrary<String> lists() {
		return Arbitraries.of(LIST_ROUTES);
	}

	@Provide
	Arbitrary<String> searches() {
		return Arbitraries.of(SEARCH_ROUTES);
	}

	@Provide
	Arbitrary<String> users() {
		return Arbitraries.of("admin", "user1", "anonymous");
	}

	@Provide
	Arbitrary<String> filters() {
		return HostileJson.filters();
	}

	@Provide
	Arbitrary<String> searchFields() {
		return HostileJson.searchFields();
	}

	/**
	 * A write to one of the routes: a valid body with some fields replaced by generated values (or a generated
	 * object), as admin, a user, or anonymous.
	 */
	@Provide
	Arbitrary<Write> writes() {
		var routes = Arbitraries.of(
				new Route("POST", "/api/v3/datasets", true), new Route("POST", "/api/v4/datasets", true),
				new Route("PATCH", "/api/v3/datasets/{pid}", false), new Route("PUT", "/api/v3/datasets/{pid}", false),
				new Route("POST", "/api/v3/datasets/{pid}/origdatablocks", false),
				new Route("POST", "/api/v3/datasets/{pid}/attachments", false),
				new Route("PATCH", "/api/v3/datasets/{pid}/datasetlifecycle", false),
				new Route("POST", "/api/v3/datasets/{pid}/appendToArrayField", false),
				new Route("POST", "/api/v3/samples", false), new Route("POST", "/api/v3/proposals", false),
				new Route("POST", "/api/v3/origdatablocks", false), new Route("POST", "/api/v3/datablocks", false),
				new Route("POST", "/api/v3/attachments", false), new Route("POST", "/api/v3/instruments", false),
				new Route("POST", "/api/v3/policies", false), new Route("POST", "/api/v3/publisheddata", false),
				new Route("POST", "/api/v3/jobs", false), new Route("POST", "/api/v3/users/my/tokens", false),
				new Route("POST", "/api/v3/datasets/isValid", false));
		var replacements = Combinators.combine(Arbitraries.of(HostileJson.FIELDS).map(f -> f.isEmpty() ? "x" : f),
				HostileJson.values()).as(AbstractMap.SimpleEntry::new).list().ofMinSize(1).ofMaxSize(3);
		return Combinators.combine(routes, replacements, HostileJson.objects(HostileJson.values()), Arbitraries.of(true, false),
				users()).as((route, changes, random, mutate, user) -> {
					String marker = null;
					Object body = random;
					if (mutate) {
						var valid = new LinkedHashMap<String, Object>(Requests.rawDataset("group1"));
						if (route.create()) {
							marker = "fuzz-" + SEQUENCE.incrementAndGet();
							valid.put("datasetName", marker);
							if (SEQUENCE.get() % 3 == 0) {
								valid.put("origdatablocks", List.of(Requests.fileBlock(3, 10)));
							}
						}
						changes.forEach(change -> valid.put(change.getKey(), change.getValue()));
						if (marker != null && !marker.equals(valid.get("datasetName"))) {
							marker = null;
						}
						body = valid;
					}
					return new Write(route.method(), route.path().replace("{pid}", encode(seedPid)), body,
							user, route.create() ? marker : null);
				});
	}

	record Route(String method, String path, boolean create) {
	}

	/**
	 * A generated write.
	 *
	 * @param marker the datasetName of a dataset create, by which to look for it after a refusal
	 */
	record Write(String method, String path, Object body, String user, String marker) {
	}

	private static HttpResponse<String> send(String method, String path, Object body, String user)
			throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
		if (!"anonymous".equals(user)) {
			request.header("Authorization", "Bearer " + token(user));
		}
		var publisher = body == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(HostileJson.Json.write(body));
		request.header("Content-Type", "application/json").method(method, publisher);
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String token(String user) {
		return TOKENS.computeIfAbsent(user, name -> {
			try {
				var login = Map.of("username", name, "password", TestAccounts.password(name));
				var answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v3/auth/login"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(HostileJson.Json.write(login))).build(),
						HttpResponse.BodyHandlers.ofString());
				return (String) MAPPER.readValue(answer.body(), HashMap.class).get("id");
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		});
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static String abbreviate(String text) {
		return text.length() <= 400 ? text : text.substring(0, 400) + "...";
	}

	private static long usedHeapAfterCollection() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
