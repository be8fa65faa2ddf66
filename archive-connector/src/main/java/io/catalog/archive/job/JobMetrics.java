package io.catalog.archive.job;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The connector's meters on the actuator ({@code /actuator/metrics}): {@code archive.bytes} and {@code archive.files}
 * done (tag {@code type}: archive, retrieve), {@code archive.jobs} ended and {@code archive.job.duration} (tags
 * {@code type}, {@code status}), {@code archive.datasets} (tags {@code type}, {@code outcome}: ok, failed, so the
 * failures), and the queue: {@code archive.jobs.running} and {@code archive.jobs.waiting} (claimed, waiting for a
 * worker).
 */
public final class JobMetrics {

	private final MeterRegistry meters;

	private final AtomicInteger active = new AtomicInteger();

	private final Map<String, Counter> bytes = new HashMap<>();

	private final Map<String, Counter> files = new HashMap<>();

	JobMetrics(MeterRegistry meters, IntSupplier claimed) {
		this.meters = meters;
		Gauge.builder("archive.jobs.running", active, AtomicInteger::get).description("jobs running now")
			.register(meters);
		Gauge.builder("archive.jobs.waiting", () -> Math.max(0, claimed.getAsInt() - active.get()))
			.description("jobs claimed and waiting for a worker").register(meters);
		for (var type : List.of(JobRequest.ARCHIVE, JobRequest.RETRIEVE)) {
			bytes.put(type, Counter.builder("archive.bytes").baseUnit("bytes").tag("type", type)
				.description("bytes of files archived or retrieved").register(meters));
			files.put(type, Counter.builder("archive.files").tag("type", type)
				.description("files archived or retrieved").register(meters));
		}
	}

	void started() {
		active.incrementAndGet();
	}

	void stopped() {
		active.decrementAndGet();
	}

	/** One file of {@code bytes} archived or retrieved. */
	void fileDone(String type, long bytes) {
		this.bytes.get(type).increment(bytes);
		files.get(type).increment();
	}

	void datasetDone(String type, boolean ok) {
		Counter.builder("archive.datasets").tag("type", type).tag("outcome", ok ? "ok" : "failed").register(meters)
			.increment();
	}

	void jobEnded(String type, String status, Duration took) {
		meters.counter("archive.jobs", "type", type, "status", status).increment();
		meters.timer("archive.job.duration", "type", type, "status", status).record(took);
	}

}
