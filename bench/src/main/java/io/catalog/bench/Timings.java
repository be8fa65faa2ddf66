package io.catalog.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Latencies of repeated calls, and their percentiles in milliseconds. */
final class Timings {

	private Timings() {
	}

	/** Runs the call a few times to warm up, then {@code times} times, and answers p50 and p95 in ms. */
	static Map<String, Object> of(int times, Runnable call) {
		for (int i = 0; i < Math.min(20, times); i++) {
			call.run();
		}
		var nanos = new long[times];
		for (int i = 0; i < times; i++) {
			long start = System.nanoTime();
			call.run();
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		var result = new LinkedHashMap<String, Object>();
		result.put("p50_ms", round(nanos[(int) Math.floor(0.50 * (times - 1))] / 1e6));
		result.put("p95_ms", round(nanos[(int) Math.floor(0.95 * (times - 1))] / 1e6));
		result.put("calls", times);
		return result;
	}

	static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
