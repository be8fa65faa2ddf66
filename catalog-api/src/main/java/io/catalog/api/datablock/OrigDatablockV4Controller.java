package io.catalog.api.datablock;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
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
import io.catalog.api.access.Resource;
import io.catalog.api.contract.ApiBody;
import io.catalog.api.contract.ApiReturns;
import io.catalog.api.document.Catalog;
import io.catalog.api.web.FieldError;
import io.catalog.api.web.InvalidInputException;
import io.catalog.api.web.Problems;

/**
 * SciCat's v4 {@code /origdatablocks}: the same rules as v3, for signed-in callers only (anyone else is refused with
 * 403, as SciCat answers), a block's {@code size} required as SciCat's v4 requires it, {@code include} of the
 * block's dataset, and {@code /public} for anyone: the published blocks.
 */
@RestController
@RequestMapping("/api/v4/origdatablocks")
@Tag(name = "OrigDatablocks")
class OrigDatablockV4Controller {

	private static final String SIZE = "size";

	private static final String SIZE_REQUIRED = "is required in v4 (v3 takes the files' total when it is left out)";

	private final Catalog catalog;

	private final BlockRoutes routes;

	private final DatasetInclusion inclusion;

	OrigDatablockV4Controller(Catalog catalog, FileBlocks fileBlocks, ObjectMapper mapper) {
		this.catalog = catalog;
		this.routes = new BlockRoutes(catalog, fileBlocks, BlockKind.ORIG);
		this.inclusion = new DatasetInclusion(catalog, mapper);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createOrigDatablockV4", summary = "Add a file list to the dataset it names; the dataset's counters follow")
	@ApiBody("CreateOrigDatablock")
	@ApiReturns("OrigDatablock")
	Mono<Map<String, Object>> create(@RequestBody Map<String, Object> body, Caller caller) {
		return signedIn(caller).then(Mono.fromRunnable(() -> {
			if (!body.containsKey(SIZE)) {
				throw new InvalidInputException(SIZE, SIZE_REQUIRED);
			}
		})).then(routes.create(body, caller));
	}

	@PostMapping("/isValid")
	@Operation(operationId = "isValidOrigDatablockV4", summary = "Check a file list without storing it; reason lists what is wrong")
	@ApiBody("CreateOrigDatablock")
	Mono<Map<String, Object>> isValid(@RequestBody Map<String, Object> body, Caller caller) {
		return signedIn(caller).then(routes.isValid(body, caller)).map(answer -> {
			var v4 = new LinkedHashMap<String, Object>();
			boolean sized = body.containsKey(SIZE);
			v4.put("valid", Boolean.TRUE.equals(answer.get("valid")) && sized);
			v4.put("reason", sized ? answer.get("errors") : List.of(new FieldError(SIZE, SIZE_REQUIRED)));
			return v4;
		});
	}

	@GetMapping
	@Operation(operationId = "listOrigDatablocksV4", summary = "Readable file lists matching a filter (where, fields, limits, include: dataset)")
	@ApiReturns(value = "OrigDatablock", list = true)
	Mono<List<Map<String, Object>>> list(@RequestParam(required = false) String filter, Caller caller) {
		return signedIn(caller).then(inclusion.list(filter, catalog.policy().readRule(caller, Resource.ORIG_DATABLOCK), caller));
	}

	@GetMapping("/public")
	@Operation(operationId = "listPublicOrigDatablocksV4", summary = "Published file lists matching a filter (where, fields, limits, include: dataset)")
	@ApiReturns(value = "OrigDatablock", list = true)
	Mono<List<Map<String, Object>>> listPublic(@RequestParam(required = false) String filter, Caller caller) {
		return inclusion.list(filter, new Document("isPublished", true), caller);
	}

	@GetMapping("/public/{id}")
	@Operation(operationId = "getPublicOrigDatablockV4", summary = "One published file list, with its dataset if include names it")
	@ApiReturns("OrigDatablock")
	Mono<Map<String, Object>> getPublic(@PathVariable String id, @RequestParam(required = false) List<String> include,
			Caller caller) {
		return catalog.existing(BlockKind.ORIG.kind(), id)
			.filter(block -> Boolean.TRUE.equals(block.get("isPublished")))
			.switchIfEmpty(Mono.error(() -> Problems.notFound("published OrigDatablock", id)))
			.flatMap(block -> answer(block, include, caller));
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getOrigDatablockV4", summary = "One file list, with its dataset if include names it")
	@ApiReturns("OrigDatablock")
	Mono<Map<String, Object>> get(@PathVariable String id, @RequestParam(required = false) List<String> include,
			Caller caller) {
		return signedIn(caller).then(catalog.readable(BlockKind.ORIG.kind(), caller, id))
			.flatMap(block -> answer(block, include, caller));
	}

	@PatchMapping("/{id}")
	@Operation(operationId = "updateOrigDatablockV4", summary = "Change a file list; the dataset's counters follow")
	@ApiBody("UpdateOrigDatablock")
	@ApiReturns("OrigDatablock")
	Mono<Map<String, Object>> patch(@PathVariable String id, @RequestBody Map<String, Object> body, Caller caller) {
		return signedIn(caller).then(routes.patch(id, body, caller));
	}

	@DeleteMapping("/{id}")
	@Operation(operationId = "deleteOrigDatablockV4", summary = "Delete a file list; the dataset's counters follow")
	@ApiReturns("OrigDatablock")
	Mono<Map<String, Object>> delete(@PathVariable String id, Caller caller) {
		return signedIn(caller).then(routes.delete(id, caller));
	}

	private Mono<Map<String, Object>> answer(Document block, List<String> include, Caller caller) {
		return DatasetInclusion.includes(include)
				? inclusion.withDatasets(List.of(block), caller).map(blocks -> blocks.get(0))
				: Mono.just(BlockKind.ORIG.kind().toJson(block));
	}

	private static Mono<Void> signedIn(Caller caller) {
		return caller.authenticated() ? Mono.empty()
				: Mono.error(() -> Problems.forbidden("Forbidden resource: sign in to use the v4 origdatablocks"));
	}

}
