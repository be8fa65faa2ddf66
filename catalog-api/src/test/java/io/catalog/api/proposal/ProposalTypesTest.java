package io.catalog.api.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProposalTypesTest {

	@TempDir
	Path dir;

	@Test
	void fileValuesAreAllowedBesideTheDefault() throws IOException {
		var file = Files.writeString(dir.resolve("types.json"), "{\"Rapid\": \"Rapid access\", \"Long\": \"Long term\"}");
		var types = ProposalTypes.load(file.toString(), new ObjectMapper());
		assertThat(types.accepts("Rapid access")).isTrue();
		assertThat(types.accepts("Long term")).isTrue();
		assertThat(types.accepts(ProposalTypes.DEFAULT)).isTrue();
		assertThat(types.accepts("Rapid")).as("the names are keys, the types their values").isFalse();
		assertThat(types.describe()).isEqualTo("Default Proposal, Long term, Rapid access");
	}

	@Test
	void withoutTheFileOnlyTheDefaultIsAllowed() {
		var types = ProposalTypes.load(dir.resolve("missing.json").toString(), new ObjectMapper());
		assertThat(types.accepts(ProposalTypes.DEFAULT)).isTrue();
		assertThat(types.accepts("Beamtime")).isFalse();
	}

	@Test
	void aFileThatIsNotAnObjectOfNamesStopsTheStartNamingIt() throws IOException {
		var file = Files.writeString(dir.resolve("broken.json"), "[\"Beamtime\"]");
		assertThatThrownBy(() -> ProposalTypes.load(file.toString(), new ObjectMapper()))
			.isInstanceOf(IllegalStateException.class).hasMessageContaining("broken.json");
	}

}
