package io.catalog.api.tool;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.catalog.api.access.Caller;
import io.catalog.api.web.Problems;

/**
 * {@code /api/v4/tools}: the job launcher's tools (name, version, typed parameters, inputs, outputs, resources), and
 * {@code /api/v4/tools/{name}/validate}, which checks a form as the launcher will check the job: the values completed
 * by the defaults, or a 400 whose {@code errors} name each refused parameter. Without a launcher there are no tools.
 */
@RestController
@Tag(name = "Tools")
@RequestMapping("/api/v4/tools")
class ToolController {

	private final LauncherClient launcher;

	ToolController(LauncherClient launcher) {
		this.launcher = launcher;
	}

	@GetMapping
	@Operation(operationId = "listTools", summary = "The job launcher's tools, to draw an analysis form from (none without a launcher)")
	Mono<List<Object>> list() {
		return launcher.configured() ? launcher.tools() : Mono.just(List.of());
	}

	@PostMapping("/{name}/validate")
	@Operation(operationId = "validateTool", summary = "Check an analysis form as the launcher will: the values with their defaults, or 400 naming each refused parameter")
	Mono<ResponseEntity<Object>> validate(@PathVariable String name, @RequestBody Map<String, Object> form, Caller caller) {
		if (!caller.authenticated()) {
			return Mono.error(Problems.unauthorized());
		}
		if (!launcher.configured()) {
			return Mono.error(Problems.notFound("Tool", name));
		}
		return launcher.relay("/api/v1/tools/{name}/validate", form, null, name);
	}

}
