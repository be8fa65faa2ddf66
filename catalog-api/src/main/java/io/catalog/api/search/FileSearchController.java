package io.catalog.api.search;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.catalog.api.access.Caller;
import io.catalog.api.access.Resource;
import io.catalog.api.document.Catalog;
import io.catalog.api.document.InvalidInputException;
import io.catalog.api.document.Json;

/**
 * SciCat's {@code /origdatablocks/fullquery/files}: the files of the file lists the caller may read, one result
 * per file in SciCat's unwound shape (the block's fields with {@code dataFileList} holding that one file).
 * Fields: {@code text} (in the file path, any case), {@code datasetId}, {@code ownerGroup}. Streamed from MongoDB,
 * stopping once the page is full.
 */
@RestController
@Tag(name = "OrigDatablocks")
@RequestMapping({ "/api/v3/origdatablocks", "/api/v4/origdatablocks" })
class FileSearchController {

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private final Catalog catalog;

	private final ObjectMapper mapper;

	FileSearchController(Catalog catalog, ObjectMapper mapper) {
		this.catalog = catalog;
		this.mapper = mapper;
	}

	@GetMapping("/fullquery/files")
	@Operation(operationId = "fullqueryOrigDatablockFiles", summary = "Files of the readable origdatablocks, one entry per file, by dataset, owner group or text")
	Mono<List<Map<String, Object>>> files(@RequestParam(required = false) String fields,
			@RequestParam(required = false) String limits, Caller caller) {
		return Mono.fromCallable(() -> read(fields)).flatMap(query -> {
			var page = catalog.filters().parseLimits(limits);
			var where = new Document();
			for (String field : List.of("datasetId", "ownerGroup")) {
				if (query.get(field) instanceof String value) {
					where.put(field, value);
				}
			}
			var text = query.get("text") instanceof String t ? t.toLowerCase(Locale.ROOT) : "";
			var rule = catalog.policy().readRule(caller, Resource.ORIG_DATABLOCK);
			var find = catalog.store().collection("OrigDatablock")
				.find(rule.isEmpty() ? where : where.isEmpty() ? rule : new Document("$and", List.of(where, rule)))
				.sort(new Document("createdAt", 1).append("_id", 1));
			return Flux.from(find)
				.concatMapIterable(block -> unwound(block, text))
				.skip(page.skip())
				.take(page.limit())
				.collectList();
		});
	}

	private static List<Map<String, Object>> unwound(Document block, String text) {
		var files = block.getList("dataFileList", Document.class, List.of());
		return files.stream()
			.filter(file -> String.valueOf(file.get("path")).toLowerCase(Locale.ROOT).contains(text))
			.map(file -> {
				var copy = new Document(block);
				copy.put("dataFileList", file);
				@SuppressWarnings("unchecked")
				var json = (Map<String, Object>) Json.toJson(copy);
				return json;
			})
			.toList();
	}

	private Map<String, Object> read(String fields) {
		if (fields == null || fields.isBlank()) {
			return Map.of();
		}
		try {
			return mapper.readValue(fields, OBJECT);
		}
		catch (JsonProcessingException ex) {
			throw new InvalidInputException("fields", "is not a valid JSON object: " + ex.getOriginalMessage());
		}
	}

}
