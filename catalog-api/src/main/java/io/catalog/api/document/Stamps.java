package io.catalog.api.document;

import java.util.Date;

import org.bson.Document;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
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

}
