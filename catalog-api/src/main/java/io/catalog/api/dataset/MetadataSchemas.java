package io.catalog.api.dataset;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.SpecVersionDetector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Decides {@code scientificMetadataValid}: whether a dataset's {@code scientificMetadata} meets the JSON Schema its
 * {@code scientificMetadataSchema} names, as SciCat does. The JSON Schema meta-schemas are read from the validator's
 * own copies; other schemas are fetched only from the hosts an operator allows ({@code
 * SCIENTIFIC_METADATA_SCHEMA_HOSTS}), since fetching whatever address a client names would let any client make the
 * catalog call into its own network. A schema that cannot be had makes the metadata not valid, never the request fail.
 */
final class MetadataSchemas {

	private static final Logger log = LoggerFactory.getLogger(MetadataSchemas.class);

	private static final Pattern META_SCHEMA = Pattern.compile(
			"https?://json-schema\\.org/(draft-0[467]/schema|draft/20(19-09|20-12)/schema)#?");

	private static final int MAX_SCHEMA_BYTES = 1 << 20;

	private final Set<String> allowedHosts;

	private final ObjectMapper mapper;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	MetadataSchemas(Set<String> allowedHosts, ObjectMapper mapper) {
		this.allowedHosts = Set.copyOf(allowedHosts);
		this.mapper = mapper;
	}

	/** Whether the metadata meets the schema; computed off the event loop. */
	Mono<Boolean> valid(Map<?, ?> metadata, String schemaUrl) {
		return Mono.fromCallable(() -> check(metadata, schemaUrl)).subscribeOn(Schedulers.boundedElastic());
	}

	private boolean check(Map<?, ?> metadata, String schemaUrl) {
		try {
			var instance = mapper.valueToTree(metadata);
			if (META_SCHEMA.matcher(schemaUrl).matches()) {
				var location = schemaUrl.replaceFirst("^http:", "https:").replaceFirst("#$", "");
				var version = location.contains("2020-12") ? SpecVersion.VersionFlag.V202012
						: location.contains("2019-09") ? SpecVersion.VersionFlag.V201909
								: location.contains("draft-04") ? SpecVersion.VersionFlag.V4
										: location.contains("draft-06") ? SpecVersion.VersionFlag.V6 : SpecVersion.VersionFlag.V7;
				return JsonSchemaFactory.getInstance(version).getSchema(SchemaLocation.of(location)).validate(instance).isEmpty();
			}
			var schema = fetch(schemaUrl);
			if (schema == null || !schema.isObject()) {
				return false;
			}
			var version = SpecVersionDetector.detectOptionalVersion(schema, false).orElse(SpecVersion.VersionFlag.V7);
			return JsonSchemaFactory.getInstance(version).getSchema(schema).validate(instance).isEmpty();
		}
		catch (RuntimeException ex) {
			log.info("Scientific metadata schema {} could not be used: {}", schemaUrl, ex.getMessage());
			return false;
		}
	}

	private JsonNode fetch(String schemaUrl) {
		URI uri;
		try {
			uri = URI.create(schemaUrl);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		if (uri.getHost() == null || !allowedHosts.contains(uri.getHost().toLowerCase())
				|| !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
			log.info("Scientific metadata schema {} not fetched: its host is not in SCIENTIFIC_METADATA_SCHEMA_HOSTS", schemaUrl);
			return null;
		}
		try {
			var response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
					HttpResponse.BodyHandlers.ofInputStream());
			try (var body = response.body()) {
				if (response.statusCode() != 200) {
					return null;
				}
				var bytes = body.readNBytes(MAX_SCHEMA_BYTES + 1);
				return bytes.length > MAX_SCHEMA_BYTES ? null : mapper.readTree(bytes);
			}
		}
		catch (java.io.IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

}
