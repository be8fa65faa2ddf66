package io.catalog.api.web;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Optimistic concurrency as SciCat has it: an update ({@code PATCH} or {@code PUT}) carrying
 * {@code If-Unmodified-Since} changes the document only if it was not modified after that instant, decided in the same
 * store operation as the write, so that of two clients who read the same version one wins and the other gets 412.
 * The instant travels in the request's Reactor context to the one place that writes updates. An ISO-8601 instant is
 * taken to the millisecond; an HTTP date covers its whole second (a last-modified date has no finer resolution); a
 * header that is neither is ignored, as SciCat ignores it.
 */
public final class UnmodifiedSince implements WebFilter {

	private static final String HEADER = "If-Unmodified-Since";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		var method = exchange.getRequest().getMethod();
		var header = exchange.getRequest().getHeaders().getFirst(HEADER);
		if (header == null || !(HttpMethod.PATCH.equals(method) || HttpMethod.PUT.equals(method))) {
			return chain.filter(exchange);
		}
		return parse(header)
			.map(since -> chain.filter(exchange).contextWrite(context -> context.put(UnmodifiedSince.class, since)))
			.orElseGet(() -> chain.filter(exchange));
	}

	/** The latest modification instant the current request allows, if it set one. */
	public static Mono<Optional<Instant>> current() {
		return Mono.deferContextual(context -> Mono.just(context.<Instant>getOrEmpty(UnmodifiedSince.class)));
	}

	/** The header's instant: ISO-8601 as written, an HTTP date to the end of its second; empty when it is neither. */
	static Optional<Instant> parse(String header) {
		try {
			return Optional.of(Instant.parse(header.trim()));
		}
		catch (DateTimeParseException notIso) {
			try {
				return Optional.of(ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()
					.plusMillis(999));
			}
			catch (DateTimeParseException notHttp) {
				return Optional.empty();
			}
		}
	}

	/** The refusal of an update whose document changed after the client's instant. */
	public static RuntimeException modified(Object id, Instant since) {
		return Problems.of(HttpStatus.PRECONDITION_FAILED,
				id + " has been modified on the server since " + since);
	}

}
