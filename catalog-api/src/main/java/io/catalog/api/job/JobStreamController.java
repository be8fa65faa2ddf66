package io.catalog.api.job;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.catalog.api.access.Caller;
import io.catalog.api.web.InvalidInputException;
import io.catalog.api.web.Problems;

/**
 * {@code GET /api/v4/jobs/stream}: the jobs the caller may read (the {@code filter}'s, newest first, at most
 * {@link #MOST}) as server-sent events named {@code jobs}: one at once, then one each time they changed, read again
 * every {@link #EVERY}. A stream ends after {@link #MAX_AGE} (a browser's EventSource, or the GUI, connects again);
 * at most {@link #MAX_STREAMS} are open at once per replica, and one more is 503.
 */
@RestController
@Tag(name = "Jobs")
@RequestMapping("/api/v4/jobs")
class JobStreamController {

	static final Duration EVERY = Duration.ofSeconds(2);

	static final Duration MAX_AGE = Duration.ofMinutes(10);

	static final int MAX_STREAMS = 256;

	static final int MOST = 100;

	private final JobPolicy policy;

	private final JobQueries queries;

	private final AtomicInteger open = new AtomicInteger();

	JobStreamController(JobPolicy policy, JobQueries queries) {
		this.policy = policy;
		this.queries = queries;
	}

	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(operationId = "streamJobs", summary = "The caller's jobs as server-sent events: at once, then whenever they change")
	Flux<ServerSentEvent<List<Map<String, Object>>>> stream(@RequestParam(required = false) String filter, Caller caller) {
		return Flux.defer(() -> {
			policy.checkReadRoute(caller);
			var query = queries.parse(filter == null || filter.isBlank()
					? "{\"order\":\"createdAt:desc\",\"limit\":" + MOST + "}" : filter, false, null);
			if (query.filter().limit() > MOST) {
				throw new InvalidInputException("filter.limit", "is at most " + MOST + " on a stream");
			}
			if (open.incrementAndGet() > MAX_STREAMS) {
				open.decrementAndGet();
				throw Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "too many job streams are open; try again shortly");
			}
			return Flux.interval(Duration.ZERO, EVERY)
				.onBackpressureDrop()
				.concatMap(tick -> queries.find(query, caller, policy.readRule(caller), false), 1)
				.distinctUntilChanged()
				.map(jobs -> ServerSentEvent.builder(jobs).event("jobs").build())
				.take(MAX_AGE)
				.doFinally(signal -> open.decrementAndGet());
		});
	}

}
