package io.catalog.api.runtimeconfig;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.catalog.api.schema.Json;

/** SciCat's frontend configuration and theme, which its frontend loads before anything else; open to anyone. */
@RestController
@RequestMapping({ "/api/v3/admin", "/api/v4/admin" })
@Tag(name = "Admin")
class AdminController {

	private final RuntimeConfigs configs;

	AdminController(RuntimeConfigs configs) {
		this.configs = configs;
	}

	@GetMapping("/config")
	@Operation(operationId = "getFrontendConfig", summary = "The frontend configuration (FRONTEND_CONFIG_FILE)")
	Mono<Object> config() {
		return data("frontendConfig");
	}

	@GetMapping("/theme")
	@Operation(operationId = "getFrontendTheme", summary = "The frontend theme (FRONTEND_THEME_FILE)")
	Mono<Object> theme() {
		return data("frontendTheme");
	}

	private Mono<Object> data(String cid) {
		return configs.get(cid).map(config -> Json.toJson(config.get("data", Document.class)));
	}

}
