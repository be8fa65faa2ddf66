package io.catalog.api.datablock;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.catalog.api.access.Caller;
import io.catalog.api.document.Catalog;
import io.catalog.api.document.InvalidInputException;

/**
 * SciCat's standalone file-list routes, {@code /origdatablocks} and {@code /datablocks}, where the body names its
 * dataset.
 */
@RestController
@RequestMapping("/api/{version:v3|v4}/{blocks:origdatablocks|datablocks}")
class BlockController {

	private final Catalog catalog;

	private final FileBlocks fileBlocks;

	BlockController(Catalog catalog, FileBlocks fileBlocks) {
		this.catalog = catalog;
		this.fileBlocks = fileBlocks;
	}

	static BlockKind kind(String blocks) {
		return blocks.equalsIgnoreCase("datablocks") ? BlockKind.ARCHIVED : BlockKind.ORIG;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Map<String, Object>> create(@PathVariable String blocks, @RequestBody Map<String, Object> body, Caller caller) {
		var kind = kind(blocks);
		return fileBlocks.create(kind, datasetId(body), body, kind.standalone(), caller).map(kind.kind()::toJson);
	}

	@PostMapping("/isValid")
	Mono<Map<String, Object>> isValid(@PathVariable String blocks, @RequestBody Map<String, Object> body, Caller caller) {
		var kind = kind(blocks);
		return Mono.defer(() -> fileBlocks.validate(kind, datasetId(body), body, kind.standalone(), caller))
			.map(valid -> Map.<String, Object>of("valid", true, "errors", List.of()))
			.onErrorResume(InvalidInputException.class, ex -> Mono.just(invalid(ex)));
	}

	@GetMapping
	Mono<List<Map<String, Object>>> list(@PathVariable String blocks, @RequestParam(required = false) String filter,
			Caller caller) {
		return catalog.list(kind(blocks).kind(), caller, filter);
	}

	@GetMapping("/findOne")
	Mono<Map<String, Object>> findOne(@PathVariable String blocks, @RequestParam(required = false) String filter,
			Caller caller) {
		return catalog.findOne(kind(blocks).kind(), caller, filter);
	}

	@GetMapping("/count")
	Mono<Map<String, Object>> count(@PathVariable String blocks, @RequestParam(required = false) String filter,
			@RequestParam(required = false) String where, Caller caller) {
		return catalog.count(kind(blocks).kind(), caller, filter, where);
	}

	@GetMapping("/{id}")
	Mono<Map<String, Object>> get(@PathVariable String blocks, @PathVariable String id, Caller caller) {
		var kind = kind(blocks).kind();
		return catalog.readable(kind, caller, id).map(kind::toJson);
	}

	@PatchMapping("/{id}")
	Mono<Map<String, Object>> patch(@PathVariable String blocks, @PathVariable String id,
			@RequestBody Map<String, Object> body, Caller caller) {
		var kind = kind(blocks);
		return fileBlocks.patch(kind, id, body, caller).map(kind.kind()::toJson);
	}

	@DeleteMapping("/{id}")
	Mono<Map<String, Object>> delete(@PathVariable String blocks, @PathVariable String id, Caller caller) {
		var kind = kind(blocks);
		return fileBlocks.delete(kind, id, caller).map(kind.kind()::toJson);
	}

	private static String datasetId(Map<String, Object> body) {
		if (!(body.get("datasetId") instanceof String id) || id.isBlank()) {
			throw new InvalidInputException("datasetId", "is required");
		}
		return id;
	}

	static Map<String, Object> invalid(InvalidInputException ex) {
		var answer = new LinkedHashMap<String, Object>();
		answer.put("valid", false);
		answer.put("errors", ex.errors());
		return answer;
	}

}
