package io.catalog.launcher.tool;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The launcher's tools over HTTP, so a GUI can draw a form from them and check a form before it creates the job:
 * {@code GET /api/v1/tools}, {@code GET /api/v1/tools/{name}} and {@code POST /api/v1/tools/{name}/validate}
 * ({@code {"parameters": {...}, "datasets": [pids]}}: 200 with the values completed by the defaults, or a 400
 * problem whose {@code errors} name each refused parameter and why). The launcher checks a job's parameters the
 * same way when it takes the job up.
 */
@RestController
@RequestMapping("/api/v1/tools")
class ToolController {

	private final ToolCatalog tools;

	ToolController(ToolCatalog tools) {
		this.tools = tools;
	}

	@GetMapping
	Collection<ToolSpec> list() {
		return tools.all();
	}

	@GetMapping("/{name}")
	ToolSpec get(@PathVariable String name) {
		return tool(name);
	}

	/**
	 * A form to check.
	 *
	 * @param parameters the values by parameter name
	 * @param datasets the pids of the datasets the job will name
	 */
	record Form(Map<String, Object> parameters, List<String> datasets) {
	}

	/**
	 * A checked form.
	 *
	 * @param tool the tool's name
	 * @param parameters every value the run would get, defaults included
	 */
	record Checked(String tool, Map<String, Object> parameters) {
	}

	@PostMapping("/{name}/validate")
	Checked validate(@PathVariable String name, @RequestBody Form form) {
		var tool = tool(name);
		return new Checked(tool.name(), ParameterCheck.resolve(tool, form.parameters(),
				form.datasets() == null ? List.of() : form.datasets()));
	}

	@ExceptionHandler(InvalidParametersException.class)
	ProblemDetail invalid(InvalidParametersException ex) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid tool parameters");
		problem.setProperty("errors", ex.violations().stream()
			.map(violation -> Map.of("parameter", violation.parameter(), "reason", violation.reason())).toList());
		return problem;
	}

	private ToolSpec tool(String name) {
		return tools.find(name).orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
				ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no tool is called " + name), null));
	}

}
