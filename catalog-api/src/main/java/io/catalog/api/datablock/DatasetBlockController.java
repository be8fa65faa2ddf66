package io.catalog.api.datablock;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import io.catalog.api.contract.ApiBody;
import io.catalog.api.contract.ApiReturns;
import io.catalog.api.document.Catalog;

/** A dataset's file lists: {@code /datasets/{pid}/origdatablocks} and {@code /datasets/{pid}/datablocks}. */
@RestController
@RequestMapping({ "/api/v3/datasets/{pid}", "/api/v4/datasets/{pid}" })
@Tag(name = "Datasets")
class DatasetBlockController {

	private final BlockRoutes orig;

	private final BlockRoutes archived;

	DatasetBlockController(Catalog catalog, FileBlocks fileBlocks) {
		this.orig = new BlockRoutes(catalog, fileBlocks, BlockKind.ORIG);
		this.archived = new BlockRoutes(catalog, fileBlocks, BlockKind.ARCHIVED);
	}

	@PostMapping("/origdatablocks")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createDatasetOrigDatablock", summary = "Add a file list as acquired to the dataset; its counters follow")
	@ApiBody("CreateDatasetOrigDatablock")
	@ApiReturns("OrigDatablock")
	Mono<Map<String, Object>> createOrigDatablock(@PathVariable String pid, @RequestBody Map<String, Object> body,
			Caller caller) {
		return orig.createFor(pid, body, caller);
	}

	@PostMapping("/origdatablocks/isValid")
	@Operation(operationId = "isValidDatasetOrigDatablock", summary = "Check a file list as acquired for the dataset without storing it")
	@ApiBody("CreateDatasetOrigDatablock")
	@ApiReturns("Validity")
	Mono<Map<String, Object>> isValidOrigDatablock(@PathVariable String pid, @RequestBody Map<String, Object> body,
			Caller caller) {
		return orig.isValidFor(pid, body, caller);
	}

	@GetMapping("/origdatablocks")
	@Operation(operationId = "listDatasetOrigDatablocks", summary = "The dataset's origdatablocks")
	@ApiReturns(value = "OrigDatablock", list = true)
	Mono<List<Map<String, Object>>> listOrigDatablocks(@PathVariable String pid, Caller caller) {
		return orig.listFor(pid, caller);
	}

	@GetMapping("/origdatablocks/count")
	@Operation(operationId = "countDatasetOrigDatablocks", summary = "How many origdatablocks the dataset has")
	@ApiReturns("Count")
	Mono<Map<String, Object>> countOrigDatablocks(@PathVariable String pid, Caller caller) {
		return orig.countFor(pid, caller);
	}

	@DeleteMapping("/origdatablocks")
	@Operation(operationId = "deleteDatasetOrigDatablocks", summary = "Delete all the dataset's origdatablocks; its counters follow")
	@ApiReturns("Count")
	Mono<Map<String, Object>> deleteAllOrigDatablocks(@PathVariable String pid, Caller caller) {
		return orig.deleteAllFor(pid, caller);
	}

	@PatchMapping("/origdatablocks/{id}")
	@Operation(operationId = "updateDatasetOrigDatablock", summary = "Change one of the dataset's origdatablocks")
	@ApiBody("UpdateOrigDatablock")
	@ApiReturns("OrigDatablock")
	Mono<Map<String, Object>> updateOrigDatablock(@PathVariable String pid, @PathVariable String id,
			@RequestBody Map<String, Object> body, Caller caller) {
		return orig.patchFor(pid, id, body, caller);
	}

	@DeleteMapping("/origdatablocks/{id}")
	@Operation(operationId = "deleteDatasetOrigDatablock", summary = "Delete one of the dataset's origdatablocks")
	@ApiReturns("OrigDatablock")
	Mono<Map<String, Object>> deleteOrigDatablock(@PathVariable String pid, @PathVariable String id, Caller caller) {
		return orig.deleteFor(pid, id, caller);
	}

	@PostMapping("/datablocks")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createDatasetDatablock", summary = "Add an archived copy's file list to the dataset; its counters follow")
	@ApiBody("CreateDatasetDatablock")
	@ApiReturns("Datablock")
	Mono<Map<String, Object>> createDatablock(@PathVariable String pid, @RequestBody Map<String, Object> body,
			Caller caller) {
		return archived.createFor(pid, body, caller);
	}

	@PostMapping("/datablocks/isValid")
	@Operation(operationId = "isValidDatasetDatablock", summary = "Check an archived copy's file list for the dataset without storing it")
	@ApiBody("CreateDatasetDatablock")
	@ApiReturns("Validity")
	Mono<Map<String, Object>> isValidDatablock(@PathVariable String pid, @RequestBody Map<String, Object> body,
			Caller caller) {
		return archived.isValidFor(pid, body, caller);
	}

	@GetMapping("/datablocks")
	@Operation(operationId = "listDatasetDatablocks", summary = "The dataset's datablocks")
	@ApiReturns(value = "Datablock", list = true)
	Mono<List<Map<String, Object>>> listDatablocks(@PathVariable String pid, Caller caller) {
		return archived.listFor(pid, caller);
	}

	@GetMapping("/datablocks/count")
	@Operation(operationId = "countDatasetDatablocks", summary = "How many datablocks the dataset has")
	@ApiReturns("Count")
	Mono<Map<String, Object>> countDatablocks(@PathVariable String pid, Caller caller) {
		return archived.countFor(pid, caller);
	}

	@DeleteMapping("/datablocks")
	@Operation(operationId = "deleteDatasetDatablocks", summary = "Delete all the dataset's datablocks; its counters follow")
	@ApiReturns("Count")
	Mono<Map<String, Object>> deleteAllDatablocks(@PathVariable String pid, Caller caller) {
		return archived.deleteAllFor(pid, caller);
	}

	@PatchMapping("/datablocks/{id}")
	@Operation(operationId = "updateDatasetDatablock", summary = "Change one of the dataset's datablocks")
	@ApiBody("UpdateDatablock")
	@ApiReturns("Datablock")
	Mono<Map<String, Object>> updateDatablock(@PathVariable String pid, @PathVariable String id,
			@RequestBody Map<String, Object> body, Caller caller) {
		return archived.patchFor(pid, id, body, caller);
	}

	@DeleteMapping("/datablocks/{id}")
	@Operation(operationId = "deleteDatasetDatablock", summary = "Delete one of the dataset's datablocks")
	@ApiReturns("Datablock")
	Mono<Map<String, Object>> deleteDatablock(@PathVariable String pid, @PathVariable String id, Caller caller) {
		return archived.deleteFor(pid, id, caller);
	}

}
