package io.catalog.api.publisheddata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishedDataConfigTest {

	private static final String CONFIG = """
			{"metadataSchema": {"type": "object", "required": ["creators", "publicationYear"],
			  "properties": {"creators": {"type": "array", "minItems": 1,
			                              "items": {"type": "object", "required": ["name"]}},
			                 "publicationYear": {"type": "integer", "$dataciteRequired": true}}},
			 "uiSchema": {"type": "VerticalLayout"}}
			""";

	@TempDir
	Path dir;

	@Test
	void metadataIsCheckedAgainstTheSchemaNamingWhatIsWrong() throws IOException {
		var config = PublishedDataConfig.load(Files.writeString(dir.resolve("published.json"), CONFIG).toString(),
				new ObjectMapper());
		assertThat(config.problems(Map.of("creators", List.of(Map.of("name", "Ada")), "publicationYear", 2026)))
			.isEmpty();
		assertThat(config.problems(Map.of("creators", List.of(), "publicationYear", "soon")))
			.extracting(problem -> problem.field() + ": " + problem.reason())
			.hasSize(2)
			.allMatch(text -> text.startsWith("metadata: metadata."))
			.anyMatch(text -> text.contains("creators"))
			.anyMatch(text -> text.contains("publicationYear"));
		assertThat(config.problems(null)).isNotEmpty();
		assertThat(config.document()).containsKey("uiSchema");
	}

	@Test
	void aMissingFileFallsBackToTheExampleBesideIt() throws IOException {
		Files.writeString(dir.resolve("publishedDataConfig.example.json"), CONFIG);
		var config = PublishedDataConfig.load(dir.resolve("publishedDataConfig.json").toString(), new ObjectMapper());
		assertThat(config.document()).containsKey("metadataSchema");
		assertThat(config.problems(Map.of())).isNotEmpty();
	}

	@Test
	void withNoFileAtAllMetadataIsNotChecked() {
		var config = PublishedDataConfig.load(dir.resolve("none.json").toString(), new ObjectMapper());
		assertThat(config.document()).isEmpty();
		assertThat(config.problems(Map.of())).isEmpty();
	}

	@Test
	void aFileThatIsNotJsonStopsTheStartNamingIt() throws IOException {
		var file = Files.writeString(dir.resolve("bad.json"), "metadataSchema: {}");
		assertThatThrownBy(() -> PublishedDataConfig.load(file.toString(), new ObjectMapper()))
			.isInstanceOf(IllegalStateException.class).hasMessageContaining("bad.json");
	}

	@Test
	void defaultsComeFromTheSchemaThroughCombinationsAndDynamicDefaults() throws IOException {
		var schema = """
				{"metadataSchema": {"allOf": [{"dynamicDefaults": {"publicationYear": "currentYear"}},
				  {"type": "object", "properties": {"language": {"type": "string", "default": "en"},
				    "publisher": {"type": "object", "properties": {"name": {"type": "string", "default": "PSI"}}},
				    "title": {"type": "string"}}}]}}
				""";
		var config = PublishedDataConfig.load(Files.writeString(dir.resolve("defaults.json"), schema).toString(),
				new ObjectMapper());
		assertThat(config.defaults()).containsEntry("publicationYear", java.time.Year.now().getValue())
			.containsEntry("language", "en")
			.containsEntry("publisher", new org.bson.Document("name", "PSI"))
			.doesNotContainKey("title");
		assertThat(PublishedDataConfig.load(dir.resolve("none.json").toString(), new ObjectMapper()).defaults()).isEmpty();
	}

}
