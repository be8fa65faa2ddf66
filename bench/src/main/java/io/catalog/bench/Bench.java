package io.catalog.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.catalog.api.CatalogApplication;
import io.catalog.api.search.SearchIndexes;

/**
 * The bench command: for each size, starts catalog-api in-process on the embedded store in a temporary folder,
 * seeds it over HTTP (sequentially, then at concurrency 8), measures the store's own insert ceiling with the
 * driver, then the search routes' latencies; prints a table and JSON.
 */
public final class Bench {

	static final int CONCURRENCY = 8;

	/** Above this many datasets the catalog is not restarted (see {@link #run}). */
	static final int LARGE = 100_000;

	private static final String PASSWORD = UUID.randomUUID().toString();

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		var sizes = new ArrayList<Integer>();
		boolean sized = false;
		int calls = 200;
		int httpMax = 10_000;
		int warmup = 3_000;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--n" -> {
					sizes.add(Integer.parseInt(args[++i].replace("_", "")));
					sized = true;
				}
				case "--million" -> sizes.add(1_000_000);
				case "--calls" -> calls = Integer.parseInt(args[++i]);
				case "--http-max" -> httpMax = Integer.parseInt(args[++i].replace("_", ""));
				case "--warmup" -> warmup = Integer.parseInt(args[++i].replace("_", ""));
				default -> throw new IllegalArgumentException(
						"usage: bench [--n N]... [--million] [--calls C] [--http-max M] [--warmup W]");
			}
		}
		if (!sized) {
			sizes.addAll(0, List.of(4_000, 100_000));
		}
		warmUp(warmup, calls);
		var results = new ArrayList<Map<String, Object>>();
		for (int n : sizes) {
			results.add(run(n, calls, httpMax));
			System.out.println(Report.table(results));
		}
		System.out.println(Http.write(results));
		System.exit(0);
	}

	/**
	 * Ingests and queries a throwaway catalog first, so that the numbers are the JIT-compiled code's rather than the
	 * compilers' (the first few thousand requests of a fresh JVM spend more on compiling than on serving).
	 */
	static void warmUp(int datasets, int calls) throws Exception {
		if (datasets <= 0) {
			return;
		}
		var folder = Files.createTempDirectory("catalog-bench-warmup");
		long start = System.nanoTime();
		try (var catalog = start(folder)) {
			ingest(catalog, datasets);
			Queries.measure(client(catalog, "scientist"), calls);
		}
		finally {
			delete(folder);
		}
		System.out.printf("warm-up: %d datasets and the queries in %.0f s (not measured)%n", datasets,
				(System.nanoTime() - start) / 1e9);
	}

	/**
	 * Seeds and measures one catalog of {@code n} datasets; answers the numbers. The first {@code httpMax} are
	 * ingested over HTTP; the rest are written in their stored form with the driver, and the catalog restarted
	 * so that its search index is built from the store. Above {@link #LARGE} datasets the stored seeds carry no
	 * file lists and the index is rebuilt in place instead (see {@link StoredSeeds#insert}).
	 */
	static Map<String, Object> run(int n, int calls, int httpMax) throws Exception {
		var folder = Files.createTempDirectory("catalog-bench");
		try {
			var result = new LinkedHashMap<String, Object>();
			result.put("n", n);
			int viaHttp = Math.min(n, httpMax);
			result.put("ingested_over_http", viaHttp);
			try (var catalog = start(folder)) {
				result.put("ingest", ingest(catalog, viaHttp));
				if (n > LARGE) {
					StoredSeeds.insert(catalog.getBean(MongoDatabase.class), viaHttp, n, false);
					long build = System.nanoTime();
					catalog.getBean(SearchIndexes.class).rebuild().block();
					result.put("index_build_in_place_ms", Timings.round((System.nanoTime() - build) / 1e6));
					result.put("queries", Queries.measure(client(catalog, "scientist"), calls));
					return result;
				}
				if (viaHttp < n) {
					StoredSeeds.insert(catalog.getBean(MongoDatabase.class), viaHttp, n, true);
				}
			}
			long restart = System.nanoTime();
			try (var catalog = start(folder)) {
				result.put("restart_with_index_build_ms", Timings.round((System.nanoTime() - restart) / 1e6));
				result.put("queries", Queries.measure(client(catalog, "scientist"), calls));
			}
			return result;
		}
		finally {
			delete(folder);
		}
	}

	/**
	 * Ingests {@code n} datasets with their file lists: a tenth one at a time, then a quarter of the rest at
	 * concurrency 8 as SciCat clients do (the dataset, then its file list: two requests), then the rest at
	 * concurrency 8 in one request each (the file list in the dataset's create request).
	 */
	private static Map<String, Object> ingest(ConfigurableApplicationContext catalog, int n) throws Exception {
		var http = client(catalog, "ingestor");
		int sequential = Math.max(1, Math.min(2_000, n / 10));
		int twoRequests = sequential + (n - sequential) / 4;
		long start = System.nanoTime();
		for (int i = 0; i < sequential; i++) {
			ingestOne(http, i);
		}
		double sequentialRate = sequential / ((System.nanoTime() - start) / 1e9);
		double twoRequestRate = concurrently(sequential, twoRequests, i -> ingestTwo(http, i));
		double concurrentRate = concurrently(twoRequests, n, i -> ingestOne(http, i));
		double rawRate = rawCeiling(catalog.getBean(MongoDatabase.class), sequential, Math.min(n, sequential + 20_000));
		var result = new LinkedHashMap<String, Object>();
		result.put("sequential_datasets_per_s", Timings.round(sequentialRate));
		result.put("concurrent8_datasets_per_s", Timings.round(concurrentRate));
		result.put("raw_store_datasets_per_s", Timings.round(rawRate));
		result.put("ratio_to_raw", Timings.round(concurrentRate / rawRate));
		result.put("concurrent8_two_requests_datasets_per_s", Timings.round(twoRequestRate));
		result.put("two_requests_ratio_to_raw", Timings.round(twoRequestRate / rawRate));
		return result;
	}

	/** Datasets {@code from} to {@code to}, ingested 8 at a time; answers datasets per second. */
	private static double concurrently(int from, int to, IntConsumer ingest) throws Exception {
		var next = new AtomicInteger(from);
		long start = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
		try {
			var workers = new ArrayList<Future<?>>();
			for (int w = 0; w < CONCURRENCY; w++) {
				workers.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
						ingest.accept(i);
					}
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		finally {
			pool.shutdown();
		}
		return Math.max(1, to - from) / ((System.nanoTime() - start) / 1e9);
	}

	/** One dataset with its file list in one request. */
	private static void ingestOne(Http http, int i) {
		var dataset = new LinkedHashMap<>(Seeds.dataset(i));
		var block = Seeds.origDatablock(i, dataset);
		block.keySet().removeAll(List.of("datasetId", "ownerGroup", "accessGroups"));
		dataset.put("origdatablocks", List.of(block));
		http.post("/api/v3/datasets", dataset, 201);
	}

	/** One dataset, then its file list, as SciCat clients do. */
	private static void ingestTwo(Http http, int i) {
		var dataset = Seeds.dataset(i);
		http.post("/api/v3/datasets", dataset, 201);
		http.post("/api/v3/origdatablocks", Seeds.origDatablock(i, dataset), 201);
	}

	/** Driver inserts of the same documents (dataset and file list) into side collections, at concurrency 8. */
	private static double rawCeiling(MongoDatabase database, int from, int to) {
		var datasets = database.getCollection("BenchRawDataset");
		var blocks = database.getCollection("BenchRawOrigDatablock");
		long start = System.nanoTime();
		Flux.range(from, Math.max(1, to - from)).flatMap(i -> {
			var dataset = Seeds.dataset(i);
			var raw = new Document(dataset).append("_id", dataset.get("pid"));
			var block = new Document(Seeds.origDatablock(i, dataset)).append("_id", UUID.randomUUID().toString());
			return Mono.from(datasets.insertOne(raw)).then(Mono.from(blocks.insertOne(block)));
		}, CONCURRENCY).blockLast();
		double rate = Math.max(1, to - from) / ((System.nanoTime() - start) / 1e9);
		Mono.from(datasets.drop()).then(Mono.from(blocks.drop())).block();
		return rate;
	}

	private static Http client(ConfigurableApplicationContext catalog, String username) {
		int port = ((ReactiveWebServerApplicationContext) catalog).getWebServer().getPort();
		return new Http(port).signIn(username, PASSWORD);
	}

	static ConfigurableApplicationContext start(Path folder) throws IOException {
		var accounts = folder.resolve("functionalAccounts.json");
		if (!Files.exists(accounts)) {
			var list = List.of(account("ingestor", "ingestor"), account("scientist", "group0"), account("admin", "admin"));
			new ObjectMapper().writeValue(accounts.toFile(), list);
		}
		var properties = new LinkedHashMap<String, Object>();
		properties.put("server.port", 0);
		properties.put("server.address", "127.0.0.1");
		properties.put("catalog.store.uri", "");
		properties.put("catalog.store.data-dir", folder.resolve("store").toString());
		properties.put("catalog.auth.functional-accounts-file", accounts.toString());
		properties.put("catalog.auth.jwt-secret", "bench-secret-" + UUID.randomUUID());
		properties.put("logging.level.root", "WARN");
		properties.put("logging.level.de.bwaldvogel", "ERROR");
		properties.put("logging.level.io.catalog.api.search", "INFO");
		properties.put("logging.level.io.catalog.api.units", "INFO");
		var args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
		return new SpringApplicationBuilder(CatalogApplication.class).run(args);
	}

	private static Map<String, Object> account(String username, String role) {
		return Map.of("username", username, "email", username + "@facility.test", "password", PASSWORD, "role", role,
				"global", false);
	}

	private static void delete(Path folder) throws IOException {
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
