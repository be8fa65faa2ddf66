package io.catalog.api.logbook;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.catalog.api.access.Caller;
import io.catalog.api.dataset.Datasets;
import io.catalog.api.document.Catalog;
import io.catalog.api.web.Problems;

/**
 * The logbooks of datasets and proposals as SciCat serves them with no logbook service configured: a dataset's
 * logbook is empty (a 200 without a body) once the caller may read the dataset, and there are no logbooks.
 */
@RestController
@RequestMapping({ "/api/v3", "/api/v4" })
@Tag(name = "Logbooks")
class LogbookController {

	private final Catalog catalog;

	LogbookController(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/datasets/{pid}/logbook")
	@Operation(operationId = "getDatasetLogbook", summary = "The dataset's logbook: none, as no logbook service is connected")
	Mono<Object> forDataset(@PathVariable String pid, Caller caller) {
		return Mono.defer(() -> {
			if (!caller.authenticated()) {
				throw Problems.unauthorized();
			}
			return catalog.readable(Datasets.KIND, caller, pid).then(Mono.empty());
		});
	}

	@GetMapping("/logbooks")
	@Operation(operationId = "listLogbooks", summary = "Every logbook: none, as no logbook service is connected")
	Mono<List<Object>> list(Caller caller) {
		return Mono.defer(() -> {
			if (!caller.authenticated()) {
				throw Problems.unauthorized();
			}
			return Mono.just(List.of());
		});
	}

}
