package io.catalog.api.runtimeconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import io.catalog.api.document.DocumentStore;
import io.catalog.api.support.CatalogTest;

class RuntimeConfigControllerTest extends CatalogTest {

	@TempDir
	Path folder;

	@Autowired
	DocumentStore store;

	@Autowired
	ObjectMapper mapper;

	@BeforeEach
	void copyTheFiles() throws IOException {
		sync(write("frontend.config.json", "{\"facility\": \"Beamline 7\", \"datasetCount\": 30}"),
				write("frontend.theme.json", "{\"name\": \"dark\", \"properties\": {\"--theme-primary-default\": \"#101010\"}}"));
	}

	@Test
	void theFrontendFilesAreServedToAnyone() {
		assertThat(getObject(null, "/api/v3/admin/config")).containsEntry("facility", "Beamline 7");
		assertThat(getObject(null, "/api/v3/admin/theme")).containsEntry("name", "dark").containsKey("properties");
		var config = getObject("user1", "/api/v3/runtime-config/frontendConfig");
		assertThat(config).containsEntry("cid", "frontendConfig").containsEntry("createdBy", "system");
		assertThat(config.get("data")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("datasetCount", 30);
	}

	@Test
	void adminsReplaceTheDataUntilTheNextStart() throws IOException {
		as("admin").put().uri("/api/v3/runtime-config/frontendConfig").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("data", Map.of("facility", "Beamline 8"))).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.updatedBy").isEqualTo("admin");
		assertThat(getObject(null, "/api/v3/admin/config")).containsEntry("facility", "Beamline 8");
		copyTheFiles();
		assertThat(getObject(null, "/api/v3/admin/config")).containsEntry("facility", "Beamline 7");
	}

	@Test
	void othersMayNotChangeIt() {
		as("user1").put().uri("/api/v3/runtime-config/frontendConfig").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("data", Map.of("facility", "x"))).exchange().expectStatus().isForbidden();
		as(null).put().uri("/api/v3/runtime-config/frontendConfig").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("data", Map.of("facility", "x"))).exchange().expectStatus().isUnauthorized();
	}

	@Test
	void badUpdatesAndUnknownIdsAreRefused() {
		as("admin").put().uri("/api/v3/runtime-config/frontendConfig").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("data", List.of(1))).exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("data");
		as("admin").put().uri("/api/v3/runtime-config/nothing").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("data", Map.of())).exchange().expectStatus().isNotFound();
		as(null).get().uri("/api/v3/runtime-config/nothing").exchange().expectStatus().isNotFound();
	}

	@Test
	void aFileThatIsNotJsonStopsTheStartNamingItsLine() throws IOException {
		var broken = write("broken.json", "{\n\"facility\": \"x\",\n oops\n}");
		var configs = new RuntimeConfigs(store, new RuntimeConfigProperties(Map.of("frontendConfig", broken), List.of()),
				mapper);
		assertThatThrownBy(() -> configs.syncFiles().block(Duration.ofSeconds(10)))
			.hasMessageContaining(broken.toString()).hasMessageContaining("line 3");
	}

	private void sync(Path config, Path theme) {
		new RuntimeConfigs(store, new RuntimeConfigProperties(Map.of("frontendConfig", config, "frontendTheme", theme),
				List.of("unknownOne")), mapper)
			.syncFiles()
			.block(Duration.ofSeconds(10));
	}

	private Path write(String name, String json) throws IOException {
		return Files.writeString(folder.resolve(name), json);
	}

}
