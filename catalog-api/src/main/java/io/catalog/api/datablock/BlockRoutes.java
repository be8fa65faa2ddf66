package io.catalog.api.datablock;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import io.catalog.api.access.Caller;
import io.catalog.api.document.Catalog;
import io.catalog.api.web.InvalidInputException;

/** What the file-list routes of both kinds do, so that each controller only names its paths and documents them. */
final class BlockRoutes {

	private final Catalog catalog;

	private final FileBlocks fileBlocks;

	private final BlockKind kind;

	BlockRoutes(Catalog catalog, FileBlocks fileBlocks, BlockKind kind) {
		this.catalog = catalog;
		this.fileBlocks = fileBlocks;
		this.kind = kind;
	}

	Mono<Map<String, Object>> create(Map<String, Object> body, Caller caller) {
		return Mono.defer(() -> fileBlocks.create(kind, datasetId(body), body, kind.standalone(), caller))
			.map(kind.kind()::toJson);
	}

	Mono<Map<String, Object>> isValid(Map<String, Object> body, Caller caller) {
		return answer(Mono.defer(() -> fileBlocks.validate(kind, datasetId(body), body, kind.standalone(), caller)));
	}

	Mono<List<Map<String, Object>>> list(String filter, Caller caller) {
		return catalog.list(kind.kind(), caller, filter);
	}

	Mono<Map<String, Object>> findOne(String filter, Caller caller) {
		return catalog.findOne(kind.kind(), caller, filter);
	}

	Mono<Map<String, Object>> count(String filter, String where, Caller caller) {
		return catalog.count(kind.kind(), caller, filter, where);
	}

	Mono<Map<String, Object>> get(String id, Caller caller) {
		return catalog.readable(kind.kind(), caller, id).map(kind.kind()::toJson);
	}

	Mono<Map<String, Object>> patch(String id, Map<String, Object> body, Caller caller) {
		return fileBlocks.patch(kind, id, body, caller).map(kind.kind()::toJson);
	}

	Mono<Map<String, Object>> delete(String id, Caller caller) {
		return fileBlocks.delete(kind, id, caller).map(kind.kind()::toJson);
	}

	Mono<Map<String, Object>> createFor(String pid, Map<String, Object> body, Caller caller) {
		return fileBlocks.create(kind, pid, body, kind.nested(), caller).map(kind.kind()::toJson);
	}

	Mono<Map<String, Object>> isValidFor(String pid, Map<String, Object> body, Caller caller) {
		return answer(fileBlocks.validate(kind, pid, body, kind.nested(), caller));
	}

	Mono<List<Map<String, Object>>> listFor(String pid, Caller caller) {
		return fileBlocks.ofDataset(kind, pid, caller);
	}

	Mono<Map<String, Object>> countFor(String pid, Caller caller) {
		return fileBlocks.countOfDataset(kind, pid, caller);
	}

	Mono<Map<String, Object>> deleteAllFor(String pid, Caller caller) {
		return fileBlocks.deleteOfDataset(kind, pid, caller);
	}

	Mono<Map<String, Object>> patchFor(String pid, String id, Map<String, Object> body, Caller caller) {
		return fileBlocks.inDataset(kind, pid, id).then(patch(id, body, caller));
	}

	Mono<Map<String, Object>> deleteFor(String pid, String id, Caller caller) {
		return fileBlocks.inDataset(kind, pid, id).then(delete(id, caller));
	}

	private static Mono<Map<String, Object>> answer(Mono<?> validation) {
		return validation.map(valid -> Map.<String, Object>of("valid", true, "errors", List.of()))
			.onErrorResume(InvalidInputException.class, ex -> {
				var answer = new LinkedHashMap<String, Object>();
				answer.put("valid", false);
				answer.put("errors", ex.errors());
				return Mono.just(answer);
			});
	}

	private static String datasetId(Map<String, Object> body) {
		if (!(body.get("datasetId") instanceof String id) || id.isBlank()) {
			throw new InvalidInputException("datasetId", "is required");
		}
		return id;
	}

}
