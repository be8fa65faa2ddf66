package io.catalog.launcher.tool;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The tools over the launcher's HTTP API: listed, and forms checked. */
@WebMvcTest(ToolController.class)
class ToolControllerTest {

	/** The test tools as the launcher's catalog. */
	@TestConfiguration
	static class Tools {

		@Bean
		ToolCatalog toolCatalog() {
			return ToolCatalog.load(List.of(java.nio.file.Path.of("src/test/resources/tools")));
		}

	}

	@Autowired
	MockMvc http;

	@Test
	void listsTheToolsWithTheirTypedParameters() throws Exception {
		http.perform(get("/api/v1/tools")).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].name").value("file-stats"))
			.andExpect(jsonPath("$[1].name").value("threshold"))
			.andExpect(jsonPath("$[1].parameters[0].type").value("integer"))
			.andExpect(jsonPath("$[1].parameters[0].default").value(3))
			.andExpect(jsonPath("$[1].parameters[0].maximum").value(10.0))
			.andExpect(jsonPath("$[1].parameters[3].values[1]").value("exact"))
			.andExpect(jsonPath("$[1].resources.memory").value("256MB"))
			.andExpect(jsonPath("$[1].resources.time").value("PT5M"));
	}

	@Test
	void anUnknownToolIs404() throws Exception {
		http.perform(get("/api/v1/tools/nope")).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("no tool is called nope"));
	}

	@Test
	void aValidFormAnswersTheValuesTheRunWouldGet() throws Exception {
		http.perform(post("/api/v1/tools/threshold/validate").contentType(MediaType.APPLICATION_JSON)
			.content("{\"parameters\": {\"source\": \"scan.h5\", \"level\": 7}}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.parameters.level").value(7))
			.andExpect(jsonPath("$.parameters.mode").value("fast"));
	}

	@Test
	void aBadFormIs400NamingEachParameterAndWhy() throws Exception {
		http.perform(post("/api/v1/tools/threshold/validate").contentType(MediaType.APPLICATION_JSON)
			.content("{\"parameters\": {\"level\": 12, \"mode\": \"slow\"}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("level"))
			.andExpect(jsonPath("$.errors[0].reason").value("must be at most 10, not 12"))
			.andExpect(jsonPath("$.errors[1].parameter").value("mode"))
			.andExpect(jsonPath("$.errors[2].parameter").value("source"))
			.andExpect(jsonPath("$.errors[2].reason").value("is required"));
	}

}
