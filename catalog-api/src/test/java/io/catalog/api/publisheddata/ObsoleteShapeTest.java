package io.catalog.api.publisheddata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class ObsoleteShapeTest {

	private static Document obsolete() {
		return new Document("title", "Beam study").append("abstract", "What we saw")
			.append("creator", List.of("Ada Lovelace ", "Alan Turing"))
			.append("affiliation", "Facility")
			.append("publisher", "Facility press")
			.append("publicationYear", 2026)
			.append("pidArray", List.of("p/1"))
			.append("authors", List.of("Grace Hopper"))
			.append("relatedPublications", List.of("doi:10.1/x"))
			.append("thumbnail", "data:image/png;base64,AA")
			.append("status", "pending_registration");
	}

	@Test
	void theOlderShapeIsStoredInTheCurrentOne() {
		var current = ObsoleteShape.toCurrent(obsolete(), Map.of());
		assertThat(current).containsEntry("title", "Beam study").containsEntry("datasetPids", List.of("p/1"))
			.containsEntry("status", "private");
		var metadata = current.get("metadata", Document.class);
		assertThat(metadata.get("creators")).isEqualTo(List.of(
				new Document("name", "Ada Lovelace").append("affiliation", List.of(new Document("name", "Facility"))),
				new Document("name", "Alan Turing").append("affiliation", List.of(new Document("name", "Facility")))));
		assertThat(metadata.get("publisher")).isEqualTo(new Document("name", "Facility press"));
		assertThat(metadata.get("contributors")).isEqualTo(List.of(new Document("name", "Grace Hopper")));
		assertThat(metadata.get("relatedIdentifiers")).isEqualTo(List.of(new Document("relatedIdentifier", "doi:10.1/x")));
		assertThat(metadata).containsEntry("publicationYear", 2026).containsEntry("thumbnail", "data:image/png;base64,AA");
	}

	@Test
	void aStoredDocumentReadsBackInTheOlderShape() {
		var stored = ObsoleteShape.toCurrent(obsolete(), Map.of());
		stored.append("_id", "10.1/abc").append("doi", "10.1/abc").append("createdBy", "ada");
		var read = ObsoleteShape.toObsolete(stored);
		assertThat(read).containsEntry("creator", List.of("Ada Lovelace", "Alan Turing"))
			.containsEntry("publisher", "Facility press").containsEntry("pidArray", List.of("p/1"))
			.containsEntry("authors", List.of("Grace Hopper")).containsEntry("relatedPublications", List.of("doi:10.1/x"))
			.containsEntry("status", "pending_registration").doesNotContainKeys("metadata", "datasetPids", "createdBy");
		stored.put("status", "amended");
		assertThat(ObsoleteShape.toObsolete(stored)).containsEntry("status", "registered");
	}

	@Test
	void aPatchChangesOnlyTheMetadataItNames() {
		var before = ObsoleteShape.toCurrent(obsolete(), Map.of()).get("metadata", Document.class);
		var change = ObsoleteShape.toCurrent(new Document("publisher", "Other press"), before);
		var metadata = change.get("metadata", Document.class);
		assertThat(metadata.get("publisher")).isEqualTo(new Document("name", "Other press"));
		assertThat(metadata).containsEntry("thumbnail", "data:image/png;base64,AA").containsKey("creators");
		assertThat(ObsoleteShape.toCurrent(new Document("title", "New"), before)).doesNotContainKey("metadata");
	}

	@Test
	void olderFieldNamesInFiltersBecomeStoredPaths() throws Exception {
		var mapper = new ObjectMapper();
		var filter = mapper.readTree(ObsoleteShape.filter("""
				{"where": {"or": [{"creator": "Ada"}, {"pidArray": {"inq": ["p/1"]}}], "title": "x"},
				 "fields": {"thumbnail": 0, "creator": 1}, "limits": {"order": "publicationYear:desc, title"}}
				""", mapper));
		assertThat(filter.at("/where/or/0/metadata.creators.name").asText()).isEqualTo("Ada");
		assertThat(filter.at("/where/or/1/datasetPids/inq/0").asText()).isEqualTo("p/1");
		assertThat(filter.at("/where/title").asText()).isEqualTo("x");
		assertThat(filter.at("/fields/metadata.creators.name").asInt()).isEqualTo(1);
		assertThat(filter.at("/fields/metadata.thumbnail").asInt()).isZero();
		assertThat(filter.at("/limits/order").asText()).isEqualTo("metadata.publicationYear:desc,title");
		assertThat(ObsoleteShape.filter("not json", mapper)).isEqualTo("not json");
		assertThat(ObsoleteShape.filter(null, mapper)).isEmpty();
	}

}
