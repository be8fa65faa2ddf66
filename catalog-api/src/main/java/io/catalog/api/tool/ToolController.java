package io.catalog.api.tool;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriComponentsBuilder;

import io.catalog.api.access.Caller;
import io.catalog.api.web.Problems;

/**
 * {@code /api/v4/tools}: the job launcher's tools (name, version, typed parameters, inputs, outputs, resources), and
 * {@code /api/v4/tools/{name}/validate}, which checks a form as the launcher will check the job: the values completed
 * by the defaults, or a 400 whose {@code errors} name each refused parameter. Answers come from the launcher
 * ({@code JOB_LAUNCHER_URL}), at most {@link #MAX_BYTES} and within the configured timeout; none configured, there
 * are no tools; the launcher not answering is 503.
 */
@RestController
@Tag(name = "Tools")
@RequestMapping("/api/v4/tools")
class ToolController {

	static final int MAX_BYTES = 1 << 20;

	private static final Logger log = LoggerFactory.getLogger(ToolController.class);

	private final ToolProperties properties;

	private final WebClient launcher;

	ToolController(ToolProperties properties, WebClient.Builder web) {
		this.properties = properties;
		this.launcher = web.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_BYTES)).build();
	}

	@GetMapping
	@Operation(operationId = "listTools", summary = "The job launcher's tools, to draw an analysis form from (none without a launcher)")
	Mono<List<Object>> list() {
		if (!properties.configured()) {
			return Mono.just(List.of());
		}
		return launcher.get().uri(at("/api/v1/tools")).accept(MediaType.APPLICATION_JSON).retrieve()
			.bodyToFlux(Object.class).collectList()
			.timeout(properties.timeout())
			.onErrorMap(ToolController::unavailable);
	}

	@PostMapping("/{name}/validate")
	@Operation(operationId = "validateTool", summary = "Check an analysis form as the launcher will: the values with their defaults, or 400 naming each refused parameter")
	Mono<ResponseEntity<Object>> validate(@PathVariable String name, @RequestBody Map<String, Object> form, Caller caller) {
		if (!caller.authenticated()) {
			return Mono.error(Problems.unauthorized());
		}
		if (!properties.configured()) {
			return Mono.error(Problems.notFound("Tool", name));
		}
		var uri = UriComponentsBuilder.fromUri(properties.launcherUrl()).path("/api/v1/tools/{name}/validate")
			.buildAndExpand(name).encode().toUri();
		return launcher.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(form)
			.exchangeToMono(answer -> answer.bodyToMono(Object.class)
				.map(body -> ResponseEntity.status(answer.statusCode().is5xxServerError() ? HttpStatus.BAD_GATEWAY
						: answer.statusCode()).contentType(answer.statusCode().isError()
								? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON).body(body)))
			.timeout(properties.timeout())
			.onErrorMap(ToolController::unavailable);
	}

	private URI at(String path) {
		return UriComponentsBuilder.fromUri(properties.launcherUrl()).path(path).build().toUri();
	}

	/** The launcher down or too slow is 503; any other failure of its answer (too large, not JSON, a 5xx) is 502. */
	private static Throwable unavailable(Throwable error) {
		if (error instanceof ErrorResponseException) {
			return error;
		}
		log.warn("The job launcher's tools could not be read: {}", error.toString());
		if (error instanceof WebClientRequestException || error instanceof TimeoutException) {
			return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "the job launcher does not answer");
		}
		return Problems.of(HttpStatus.BAD_GATEWAY, "the job launcher's answer could not be read");
	}

}
