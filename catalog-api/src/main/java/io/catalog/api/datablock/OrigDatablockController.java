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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.catalog.api.access.Caller;
import io.catalog.api.contract.ApiBody;
import io.catalog.api.contract.ApiReturns;
import io.catalog.api.document.Catalog;

/**
 * SciCat's standalone v3 {@code /origdatablocks} routes, where the body names its dataset ({@link OrigDatablockV4Controller}
 * serves v4).
 */
@RestController
@RequestMapping("/api/v3/origdatablocks")
@Tag(name = "OrigDatablocks")
class OrigDatablockController {

	private final BlockRoutes routes;

	OrigDatablockController(Catalog catalog, FileBlocks fileBlocks) {
		this.routes = new BlockRoutes(catalog, fileBlocks, BlockKind.ORIG);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createOrigDatablock", summary = "Add a file list to the dataset it names; the dataset's counters follow")
	@ApiBody("CreateOrigDatablock")
	@ApiReturns("OrigDatablock")
	Mono<Map<String, Object>> create(@RequestBody Map<String, Object> body, Caller caller) {
		return routes.create(body, caller);
	}

	@PostMapping("/isValid")
	@Operation(operationId = "isValidOrigDatablock", summary = "Check a file list without storing it")
	@ApiBody("CreateOrigDatablock")
	@ApiReturns("Validity")
	Mono<Map<String, Object>> isValid(@RequestBody Map<String, Object> body, Caller caller) {
		return routes.isValid(body, caller);
	}

	@GetMapping
	@Operation(operationId = "listOrigDatablocks", summary = "File lists matching a LoopBack filter, under the read rule")
	@ApiReturns(value = "OrigDatablock", list = true)
	Mono<List<Map<String, Object>>> list(@RequestParam(required = false) String filter, Caller caller) {
		return routes.list(filter, caller);
	}

	@GetMapping("/findOne")
	@Operation(operationId = "findOneOrigDatablock", summary = "The first file list matching a LoopBack filter")
	@ApiReturns("OrigDatablock")
	Mono<Map<String, Object>> findOne(@RequestParam(required = false) String filter, Caller caller) {
		return routes.findOne(filter, caller);
	}

	@GetMapping("/count")
	@Operation(operationId = "countOrigDatablocks", summary = "How many file lists match the filter's where")
	@ApiReturns("Count")
	Mono<Map<String, Object>> count(@RequestParam(required = false) String filter,
			@RequestParam(required = false) String where, Caller caller) {
		return routes.count(filter, where, caller);
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getOrigDatablock", summary = "One file list")
	@ApiReturns("OrigDatablock")
	Mono<Map<String, Object>> get(@PathVariable String id, Caller caller) {
		return routes.get(id, caller);
	}

	@PatchMapping("/{id}")
	@Operation(operationId = "updateOrigDatablock", summary = "Change a file list; the dataset's counters follow")
	@ApiBody("UpdateOrigDatablock")
	@ApiReturns("OrigDatablock")
	Mono<Map<String, Object>> patch(@PathVariable String id, @RequestBody Map<String, Object> body, Caller caller) {
		return routes.patch(id, body, caller);
	}

	@DeleteMapping("/{id}")
	@Operation(operationId = "deleteOrigDatablock", summary = "Delete a file list; the dataset's counters follow")
	@ApiReturns("OrigDatablock")
	Mono<Map<String, Object>> delete(@PathVariable String id, Caller caller) {
		return routes.delete(id, caller);
	}

}
