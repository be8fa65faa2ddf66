package io.catalog.api.event;

import java.io.IOException;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.bson.Document;

import io.catalog.api.schema.Dates;
import io.catalog.api.schema.Json;

/**
 * Turns an outbox entry into a CloudEvent: id = the entry's id (stable across resends), type
 * {@code io.catalog.<collection>.<created|updated|deleted>}, subject = the document id (also the Kafka key), data
 * = the document as the API shows it (as it was, for a delete), and {@code sequence} = the write's order. An event
 * too large for Kafka goes without its document: data is then {@code {"_id": id, "dataOmitted": true}}.
 */
class CloudEvents {

	private final ObjectMapper mapper;

	private final URI source;

	CloudEvents(ObjectMapper mapper, String source) {
		this.mapper = mapper.copy().registerModule(new SimpleModule().addSerializer(Date.class, new DateSerializer()));
		this.source = URI.create(source);
	}

	CloudEvent of(Document entry) {
		return of(entry, false);
	}

	CloudEvent of(Document entry, boolean withoutData) {
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
			.withData(json(withoutData ? new Document("_id", entry.get("documentId")).append("dataOmitted", true)
					: entry.get("data", Document.class)))
			.build();
	}

	/** The document as the API shows it ({@link Json#toJson}), written without copying it first. */
	private byte[] json(Document document) {
		try {
			return mapper.writeValueAsBytes(document == null ? Map.of() : document);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("document cannot be written as JSON", ex);
		}
	}

	/** Dates as the API writes them. */
	private static final class DateSerializer extends StdSerializer<Date> {

		private static final long serialVersionUID = 1L;

		DateSerializer() {
			super(Date.class);
		}

		@Override
		public void serialize(Date date, JsonGenerator generator, SerializerProvider provider) throws IOException {
			generator.writeString(Dates.format(date));
		}

	}

}
