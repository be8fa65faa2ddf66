package io.catalog.api.job;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;

import io.catalog.api.web.Problems;

/**
 * SciCat's {@code url} action: after the write, calls {@code url} with {@code method} (GET by default),
 * {@code headers} and {@code body}, each a template over the job context. A failed call (no answer, or an error
 * status) fails the request with that status unless {@code ignoreErrors} is set; the job stays written.
 */
final class UrlAction implements JobType.Action {

	private static final Logger log = LoggerFactory.getLogger(UrlAction.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String URI_KEEP = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789;,/?:@&=+$-_.!~*'()#";

	private final WebClient web;

	private final JobTemplates.Template url;

	private final HttpMethod method;

	private final Map<String, JobTemplates.Template> headers = new LinkedHashMap<>();

	private final JobTemplates.Template body;

	private final boolean ignoreErrors;

	UrlAction(Map<String, Object> options, JobTemplates templates, WebClient web, ObjectMapper mapper) {
		ActionOptions.allowOnly(options, "actionType", "url", "method", "headers", "body", "ignoreErrors");
		this.web = web;
		url = templates.compile(ActionOptions.required(options, "url"));
		var name = ActionOptions.text(options, "method", "GET");
		if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(name)) {
			throw new IllegalArgumentException("url: method must be GET, POST, PUT, PATCH or DELETE, not " + name);
		}
		method = HttpMethod.valueOf(name);
		var given = ActionOptions.map(options, "headers");
		if (given != null) {
			given.forEach((key, value) -> {
				if (!(value instanceof String text)) {
					throw new IllegalArgumentException("url: header " + key + " must be a string");
				}
				headers.put(key, templates.compile(text));
			});
		}
		body = options.get("body") == null ? null : templates.compile(bodyText(options.get("body"), mapper));
		ignoreErrors = ActionOptions.flag(options, "ignoreErrors");
	}

	private static String bodyText(Object body, ObjectMapper mapper) {
		if (body instanceof String text) {
			return text;
		}
		try {
			return mapper.writeValueAsString(body);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("url: body cannot be written as JSON", ex);
		}
	}

	/**
	 * JavaScript's {@code encodeURI}: what a URL may not hold is percent-encoded, the rest is kept; unlike it, an
	 * escape already made ({@code %2F}, as {@code urlencode} writes) is kept rather than encoded twice.
	 */
	static String encodeUri(String text) {
		var out = new StringBuilder();
		var bytes = text.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < bytes.length; i++) {
			byte b = bytes[i];
			char c = (char) (b & 0xff);
			if (c == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
				out.append(c);
			}
			else if (b >= 0 && URI_KEEP.indexOf(c) >= 0) {
				out.append(c);
			}
			else {
				out.append('%').append(String.format("%02X", b & 0xff));
			}
		}
		return out.toString();
	}

	private static boolean isHex(byte b) {
		return Character.digit((char) b, 16) >= 0;
	}

	@Override
	public Mono<Void> perform(JobContext context) {
		return Mono.defer(() -> {
			var model = context.model();
			var target = encodeUri(url.render(model));
			var request = web.method(method).uri(java.net.URI.create(target));
			headers.forEach((key, value) -> request.header(key, value.render(model)));
			if (body != null) {
				request.bodyValue(body.render(model));
			}
			log.info("(Job {}) Requesting {} {}", context.jobId(), method, target);
			return request.exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
				.flatMap(text -> answer(context, target, response.statusCode().value(), text)))
				.timeout(TIMEOUT)
				.onErrorResume(ex -> !(ex instanceof org.springframework.web.ErrorResponseException), ex -> {
					log.warn("(Job {}) {} {} failed: {}", context.jobId(), method, target, ex.toString());
					return ignoreErrors ? Mono.empty()
							: Mono.error(Problems.of(HttpStatus.BAD_REQUEST, "Job " + context.jobId()
									+ " unable to perform action 'url' due to " + ex.getMessage()));
				});
		});
	}

	private Mono<Void> answer(JobContext context, String target, int status, String text) {
		if (status < 400) {
			log.info("(Job {}) Request for {} returned {}", context.jobId(), target, status);
			return Mono.empty();
		}
		log.warn("(Job {}) Request for {} returned {}: {}", context.jobId(), target, status, text);
		if (ignoreErrors) {
			return Mono.empty();
		}
		var code = HttpStatus.resolve(status);
		return Mono.error(Problems.of(code == null ? HttpStatus.BAD_GATEWAY : code,
				"A remote URL call failed with response: " + text));
	}

}
