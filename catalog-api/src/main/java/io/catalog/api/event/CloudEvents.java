package io.catalog.api.event;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.bson.Document;

import io.catalog.api.document.Json;

/**
 * Turns an outbox entry into a CloudEvent: id = the entry's id (stable across resends), type
 * {@code io.catalog.<collection>.<created|updated|deleted>}, subject = the document id (also the Kafka key), data
 * = the document as the API shows it (as it was, for a delete), and {@code sequence} = the write's order.
 */
class CloudEvents {

	private final ObjectMapper mapper;

	private final URI source;

	CloudEvents(ObjectMapper mapper, String source) {
		this.mapper = mapper;
		this.source = URI.create(source);
	}

	CloudEvent of(Document entry) {
		var operation = entry.getString("operation").toLowerCase(Locale.ROOT);
		return CloudEventBuilder.v1()
			.withId(entry.getString("_id"))
			.withSource(source)
			.withType("io.catalog." + entry.getString("collection").toLowerCase(Locale.ROOT) + "."
					+ (operation.endsWith("e") ? operation + "d" : operation + "ed"))
			.withSubject(String.valueOf(entry.get("documentId")))
			.withTime(entry.getDate("at").toInstant().atOffset(ZoneOffset.UTC))
			.withExtension("sequence", String.valueOf(entry.getLong("seq")))
			.withDataContentType("application/json")
			.withData(json(entry.get("data", Document.class)))
			.build();
	}

	private byte[] json(Document document) {
		Map<String, Object> json = new LinkedHashMap<>();
		if (document != null) {
			document.forEach((key, value) -> json.put(key, Json.toJson(value)));
		}
		try {
			return mapper.writeValueAsBytes(json);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("document cannot be written as JSON", ex);
		}
	}

}
