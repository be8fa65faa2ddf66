package io.catalog.api.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;

import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class StampsTest {

	@Test
	void theEstimateIsNeverBelowTheEncodedSize() {
		var files = new java.util.ArrayList<Document>();
		for (int i = 0; i < 1_000; i++) {
			files.add(new Document("path", "/data/ünïcødé/€/file" + i + ".h5").append("size", (long) i).append("time", new Date())
				.append("perm", "-rw-r--r--").append("flag", i % 2 == 0).append("none", null));
		}
		var document = new Document("_id", new ObjectId()).append("dataFileList", files)
			.append("nested", new Document("a", List.of(1, 2.5, "x", List.of())).append("emoji", "😀😀"))
			.append("size", 1.5);
		assertThat(Stamps.upperBound(document)).isGreaterThanOrEqualTo(encoded(document));
	}

	@Test
	void aTypeItDoesNotKnowCountsAsOverTheLimit() {
		assertThat(Stamps.upperBound(new Document("blob", new Binary(new byte[] { 1 }))))
			.isGreaterThan(Stamps.MAX_DOCUMENT_BYTES);
	}

	private static int encoded(Document document) {
		var buffer = new BasicOutputBuffer();
		try (var writer = new BsonBinaryWriter(buffer)) {
			new DocumentCodec().encode(writer, document, EncoderContext.builder().build());
		}
		return buffer.getSize();
	}

}
