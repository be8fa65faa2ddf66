package io.catalog.api.document;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.ObjectId;
import org.bson.BsonBinaryWriter;

import org.springframework.http.HttpStatus;

import io.catalog.api.access.Caller;
import io.catalog.api.web.Problems;

/** Who made or changed a document and when, and the size check every stored document passes. */
public final class Stamps {

	/** MongoDB's document limit, less room for the fields the catalog adds. */
	static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024 - 64 * 1024;

	private static final DocumentCodec CODEC = new DocumentCodec();

	private Stamps() {
	}

	public static Document created(Document document, Caller caller) {
		var now = new Date();
		document.put("createdBy", caller.username());
		document.put("updatedBy", caller.username());
		document.put("createdAt", now);
		document.put("updatedAt", now);
		return document;
	}

	public static Document updated(Document fields, Caller caller) {
		fields.put("updatedBy", caller.username());
		fields.put("updatedAt", new Date());
		return fields;
	}

	/** Refuses with 413 a document MongoDB could not store, telling the client how to split it. */
	public static Document requireStorable(Document document, String hint) {
		if (upperBound(document) <= MAX_DOCUMENT_BYTES) {
			return document;
		}
		var buffer = new BasicOutputBuffer();
		try (var writer = new BsonBinaryWriter(buffer)) {
			CODEC.encode(writer, document, EncoderContext.builder().build());
		}
		if (buffer.getSize() > MAX_DOCUMENT_BYTES) {
			throw Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "the document would take " + buffer.getSize()
					+ " bytes, over MongoDB's 16 MB limit: " + hint);
		}
		return document;
	}

	/**
	 * At least the BSON size of a value, found without encoding it (a character takes at most three bytes in
	 * UTF-8, a scalar at most 16); a type it does not know counts as over the limit, for the exact measure.
	 */
	static long upperBound(Object value) {
		if (value instanceof Map<?, ?> map) {
			long size = 5;
			for (var entry : map.entrySet()) {
				size += 2 + String.valueOf(entry.getKey()).length() * 3L + upperBound(entry.getValue());
			}
			return size;
		}
		if (value instanceof List<?> list) {
			long size = 5;
			for (Object item : list) {
				size += 12 + upperBound(item);
			}
			return size;
		}
		if (value instanceof String text) {
			return 5 + text.length() * 3L;
		}
		if (value == null || value instanceof Number || value instanceof Boolean || value instanceof Date
				|| value instanceof ObjectId) {
			return 16;
		}
		return MAX_DOCUMENT_BYTES + 1L;
	}

}
