package io.catalog.api.datablock;

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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.catalog.api.access.Caller;
import io.catalog.api.document.InvalidInputException;

/** A dataset's file lists: {@code /datasets/{pid}/origdatablocks} and {@code /datasets/{pid}/datablocks}. */
@RestController
@RequestMapping("/api/{version:v3|v4}/datasets/{pid}/{blocks:origdatablocks|datablocks}")
class DatasetBlockController {

	private final FileBlocks fileBlocks;

	DatasetBlockController(FileBlocks fileBlocks) {
		this.fileBlocks = fileBlocks;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Map<String, Object>> create(@PathVariable String pid, @PathVariable String blocks,
			@RequestBody Map<String, Object> body, Caller caller) {
		var kind = BlockController.kind(blocks);
		return fileBlocks.create(kind, pid, body, kind.nested(), caller).map(kind.kind()::toJson);
	}

	@PostMapping("/isValid")
	Mono<Map<String, Object>> isValid(@PathVariable String pid, @PathVariable String blocks,
			@RequestBody Map<String, Object> body, Caller caller) {
		var kind = BlockController.kind(blocks);
		return fileBlocks.validate(kind, pid, body, kind.nested(), caller)
			.map(valid -> Map.<String, Object>of("valid", true, "errors", List.of()))
			.onErrorResume(InvalidInputException.class, ex -> Mono.just(BlockController.invalid(ex)));
	}

	@GetMapping
	Mono<List<Map<String, Object>>> list(@PathVariable String pid, @PathVariable String blocks, Caller caller) {
		return fileBlocks.ofDataset(BlockController.kind(blocks), pid, caller);
	}

	@PatchMapping("/{id}")
	Mono<Map<String, Object>> patch(@PathVariable String pid, @PathVariable String blocks, @PathVariable String id,
			@RequestBody Map<String, Object> body, Caller caller) {
		var kind = BlockController.kind(blocks);
		return fileBlocks.inDataset(kind, pid, id).then(fileBlocks.patch(kind, id, body, caller))
			.map(kind.kind()::toJson);
	}

	@DeleteMapping("/{id}")
	Mono<Map<String, Object>> delete(@PathVariable String pid, @PathVariable String blocks, @PathVariable String id,
			Caller caller) {
		var kind = BlockController.kind(blocks);
		return fileBlocks.inDataset(kind, pid, id).then(fileBlocks.delete(kind, id, caller)).map(kind.kind()::toJson);
	}

}
