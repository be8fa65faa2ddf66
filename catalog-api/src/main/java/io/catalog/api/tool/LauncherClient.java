package io.catalog.api.tool;

import java.util.List;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriComponentsBuilder;

import io.catalog.api.web.Problems;

/**
 * The catalog's calls to the job launcher ({@code JOB_LAUNCHER_URL}): answers of at most {@link #MAX_BYTES}, within
 * the configured timeout; the launcher's refusals passed on with their status and problem, its failures as 502, and
 * its silence as 503.
 */
@Component
class LauncherClient {

	static final int MAX_BYTES = 1 << 20;

	private static final Logger log = LoggerFactory.getLogger(LauncherClient.class);

	private final ToolProperties properties;

	private final WebClient launcher;

	LauncherClient(ToolProperties properties, WebClient.Builder web) {
		this.properties = properties;
		this.launcher = web.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_BYTES)).build();
	}

	boolean configured() {
		return properties.configured();
	}

	/** The launcher's tools. */
	Mono<List<Object>> tools() {
		return launcher.get().uri(UriComponentsBuilder.fromUri(properties.launcherUrl()).path("/api/v1/tools").build().toUri())
			.accept(MediaType.APPLICATION_JSON).retrieve().bodyToFlux(Object.class).collectList()
			.timeout(properties.timeout())
			.onErrorMap(LauncherClient::unavailable);
	}

	/**
	 * Asks the launcher at {@code path} (a template expanded with {@code variables}) and answers as it answered.
	 *
	 * @param body the JSON to send, or {@code null} for a GET
	 * @param authorization the caller's credential to pass on, or {@code null}
	 */
	Mono<ResponseEntity<Object>> relay(String path, Object body, String authorization, Object... variables) {
		var uri = UriComponentsBuilder.fromUri(properties.launcherUrl()).path(path).buildAndExpand(variables).encode().toUri();
		var request = launcher.method(body == null ? HttpMethod.GET : HttpMethod.POST).uri(uri)
			.accept(MediaType.APPLICATION_JSON)
			.headers(headers -> {
				if (authorization != null) {
					headers.set(HttpHeaders.AUTHORIZATION, authorization);
				}
			});
		var sent = body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
		return sent.exchangeToMono(answer -> answer.bodyToMono(Object.class)
				.map(answered -> ResponseEntity.status(answer.statusCode().is5xxServerError() ? HttpStatus.BAD_GATEWAY
						: answer.statusCode()).contentType(answer.statusCode().isError()
								? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON).body(answered)))
			.timeout(properties.timeout())
			.onErrorMap(LauncherClient::unavailable);
	}

	/** The launcher down or too slow is 503; any other failure of its answer (too large, not JSON) is 502. */
	private static Throwable unavailable(Throwable error) {
		if (error instanceof ErrorResponseException) {
			return error;
		}
		log.warn("The job launcher's answer could not be read: {}", error.toString());
		if (error instanceof WebClientRequestException || error instanceof TimeoutException) {
			return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "the job launcher does not answer");
		}
		return Problems.of(HttpStatus.BAD_GATEWAY, "the job launcher's answer could not be read");
	}

}
