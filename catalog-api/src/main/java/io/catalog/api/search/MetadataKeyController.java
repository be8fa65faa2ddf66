package io.catalog.api.search;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.catalog.api.access.Caller;
import io.catalog.api.web.InvalidInputException;

/** SciCat's v4 {@code /metadatakeys}: the scientific-metadata keys of the readable sources, one entry per key. */
@RestController
@Tag(name = "MetadataKeys")
@RequestMapping("/api/v4/metadatakeys")
class MetadataKeyController {

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private final MetadataKeyEntries entries;

	private final ObjectMapper mapper;

	MetadataKeyController(MetadataKeyEntries entries, ObjectMapper mapper) {
		this.entries = entries;
		this.mapper = mapper;
	}

	@GetMapping
	@Operation(operationId = "listMetadataKeys", summary = "Scientific metadata keys of the readable datasets, proposals and samples, one entry per key and source")
	Mono<List<Map<String, Object>>> list(@RequestParam(required = false) String filter, Caller caller) {
		return Mono.fromCallable(() -> MetadataKeyFilter.parse(read(filter)))
			.publishOn(Schedulers.boundedElastic())
			.map(parsed -> entries.list(parsed, caller));
	}

	private Map<String, Object> read(String filter) {
		if (filter == null || filter.isBlank()) {
			return Map.of();
		}
		try {
			return mapper.readValue(filter, OBJECT);
		}
		catch (JsonProcessingException ex) {
			throw new InvalidInputException("filter", "is not a valid JSON object: " + ex.getOriginalMessage());
		}
	}

}
