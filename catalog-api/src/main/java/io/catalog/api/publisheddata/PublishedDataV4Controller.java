package io.catalog.api.publisheddata;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.catalog.api.contract.ApiBody;
import io.catalog.api.contract.ApiReturns;
import io.catalog.api.document.Catalog;
import io.catalog.api.query.Filter;
import io.catalog.api.web.InvalidInputException;
import io.catalog.api.schema.Schema;

/**
 * SciCat's v4 published-data routes under {@code /api/v4/publisheddata}, in the stored shape, with the publication
 * workflow: publish (private to public), register, amend, and changes or removal only while a publication is open.
 */
@RestController
@Tag(name = "Published data")
@RequestMapping("/api/v4/publisheddata")
class PublishedDataV4Controller {

	private final Catalog catalog;

	private final PublishedDataService published;

	private final FormPopulate form;

	private final ObjectMapper mapper;

	PublishedDataV4Controller(Catalog catalog, PublishedDataService published, FormPopulate form, ObjectMapper mapper) {
		this.mapper = mapper;
		this.catalog = catalog;
		this.published = published;
		this.form = form;
	}

	@GetMapping("/config")
	@Operation(operationId = "publishedDataConfig", summary = "The metadata schema and form of published data (PUBLISHED_DATA_CONFIG_FILE)")
	Map<String, Object> config() {
		return published.config();
	}

	@GetMapping("/formpopulate")
	@Operation(operationId = "publishedDataFormPopulateV4", summary = "What a publication form for the datasets starts from: type, description, proposal title and abstract, thumbnail, the schema's default metadata")
	Mono<Map<String, Object>> formPopulate(@RequestParam(required = false) List<String> pid, Caller caller) {
		return Mono.defer(() -> form.of(pid, caller));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createPublishedDataV4", summary = "Create published data, private until published")
	@ApiBody("CreatePublishedDataV4")
	@ApiReturns("PublishedDataV4")
	Mono<Map<String, Object>> create(@RequestBody Map<String, Object> body, Caller caller) {
		return Mono.fromSupplier(() -> PublishedDataKind.CREATE.read(body, Schema.Mode.CREATE))
			.flatMap(data -> published.create(data, caller))
			.map(PublishedDataKind.KIND::toJson);
	}

	@GetMapping
	@Operation(operationId = "listPublishedDataV4", summary = "Published data matching a filter, a where in fields, and limits, under the read rule")
	@ApiReturns(value = "PublishedDataV4", list = true)
	Mono<List<Map<String, Object>>> list(@RequestParam(required = false) String filter,
			@RequestParam(required = false) String fields, @RequestParam(required = false) String limits,
			Caller caller) {
		return Mono.fromSupplier(() -> query(filter, fields, limits))
			.flatMap(query -> catalog.list(PublishedDataKind.KIND, caller, query));
	}

	@GetMapping("/count")
	@Operation(operationId = "countPublishedDataV4", summary = "How many published data match the filter's where and the where in fields")
	@ApiReturns("Count")
	Mono<Map<String, Object>> count(@RequestParam(required = false) String filter,
			@RequestParam(required = false) String fields, Caller caller) {
		return Mono.fromSupplier(() -> query(filter, fields, null).where())
			.flatMap(where -> catalog.store().count(PublishedDataKind.KIND, where,
					catalog.policy().readRule(caller, PublishedDataKind.KIND.resource())))
			.map(count -> Map.<String, Object>of("count", count));
	}

	@GetMapping("/{doi}")
	@Operation(operationId = "getPublishedDataV4", summary = "One publication; 404 when missing or not visible to the caller")
	@ApiReturns("PublishedDataV4")
	Mono<Map<String, Object>> get(@PathVariable String doi, Caller caller) {
		return published.visible(doi, caller).map(PublishedDataKind.KIND::toJson);
	}

	@PatchMapping("/{doi}")
	@Operation(operationId = "updatePublishedDataV4", summary = "Change an open publication (private; for admins, not yet registered)")
	@ApiBody("UpdatePublishedDataV4")
	@ApiReturns("PublishedDataV4")
	Mono<Map<String, Object>> patch(@PathVariable String doi, @RequestBody Map<String, Object> body, Caller caller) {
		return published.visible(doi, caller).flatMap(before -> {
			published.checkStillOpen(before, caller, "updated");
			return published.change(before, PublishedDataKind.PATCH.read(body, Schema.Mode.UPDATE), caller);
		}).map(PublishedDataKind.KIND::toJson);
	}

	@PostMapping("/{doi}/publish")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "publishPublishedDataV4", summary = "Make a private publication and its datasets public; its metadata must meet the schema")
	@ApiReturns("PublishedDataV4")
	Mono<Map<String, Object>> publish(@PathVariable String doi, Caller caller) {
		return published.publish(doi, caller).map(PublishedDataKind.KIND::toJson);
	}

	@PostMapping("/{doi}/register")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "registerPublishedDataV4", summary = "Mark a publication registered and its datasets published; its metadata must meet the schema")
	@ApiReturns("PublishedDataV4")
	Mono<Map<String, Object>> register(@PathVariable String doi, Caller caller) {
		return published.register(doi, caller, true).map(PublishedDataKind.KIND::toJson);
	}

	@PostMapping("/{doi}/amend")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "amendPublishedDataV4", summary = "Mark a registered publication amended (admins)")
	@ApiReturns("PublishedDataV4")
	Mono<Map<String, Object>> amend(@PathVariable String doi, Caller caller) {
		return published.amend(doi, caller).map(PublishedDataKind.KIND::toJson);
	}

	@DeleteMapping("/{doi}")
	@Operation(operationId = "deletePublishedDataV4", summary = "Delete an open publication (DELETE_GROUPS)")
	@ApiReturns("PublishedDataV4")
	Mono<Map<String, Object>> delete(@PathVariable String doi, Caller caller) {
		return published.delete(doi, caller, publication -> published.checkStillOpen(publication, caller, "removed"))
			.map(PublishedDataKind.KIND::toJson);
	}

	/** The where in {@code fields}, its {@code text} (SciCat's {@code $text} search) read as words in text fields. */
	private Document textSearch(String fieldsJson) {
		JsonNode fields;
		try {
			fields = mapper.readTree(fieldsJson);
		}
		catch (JsonProcessingException ex) {
			throw new InvalidInputException("fields", "is not JSON: " + ex.getOriginalMessage());
		}
		if (!(fields instanceof ObjectNode object) || !object.has("text")) {
			return catalog.filters().parseWhere(fieldsJson, PublishedDataKind.KIND.schema());
		}
		var text = object.remove("text");
		if (!text.isTextual()) {
			throw new InvalidInputException("fields.text", "must be a string");
		}
		var search = PublishedDataKind.textCondition(text.asText());
		if (object.isEmpty()) {
			return search;
		}
		var rest = catalog.filters().parseWhere(object.toString(), PublishedDataKind.KIND.schema());
		return search.isEmpty() ? rest : new Document("$and", List.of(rest, search));
	}

	/** SciCat's v4 list parameters as one filter: the filter, its where and the where in {@code fields}, the limits. */
	private Filter query(String filterJson, String fieldsJson, String limitsJson) {
		var filter = catalog.filter(PublishedDataKind.KIND, filterJson);
		if (fieldsJson != null && !fieldsJson.isBlank()) {
			var where = textSearch(fieldsJson);
			filter = filter.withWhere(filter.where().isEmpty() ? where
					: new Document("$and", List.of(filter.where(), where)));
		}
		if (limitsJson != null && !limitsJson.isBlank()) {
			var limits = catalog.filters().parseLimits(limitsJson);
			filter = new Filter(filter.where(), filter.fields(), filter.include(), limits.limit(), limits.skip(),
					limits.order().isEmpty() ? filter.order() : limits.order());
		}
		return filter;
	}

}
