package io.catalog.api.attachment;

import java.util.List;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.catalog.api.access.Caller;
import io.catalog.api.document.Catalog;

/** The standalone attachment routes, {@code /attachments}. */
@RestController
@RequestMapping({ "/api/v3/attachments", "/api/v4/attachments" })
class AttachmentController {

	static final Set<String> FIXED = Set.of("datasetId", "sampleId", "proposalId", "ownerGroup", "id");

	private final Catalog catalog;

	private final Attachments attachments;

	AttachmentController(Catalog catalog, Attachments attachments) {
		this.catalog = catalog;
		this.attachments = attachments;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Map<String, Object>> create(@RequestBody Map<String, Object> body, Caller caller) {
		return attachments.create(body, caller).map(Attachments.KIND::toJson);
	}

	@GetMapping
	Mono<List<Map<String, Object>>> list(@RequestParam(required = false) String filter, Caller caller) {
		return catalog.list(Attachments.KIND, caller, filter);
	}

	@GetMapping("/{id}")
	Mono<Map<String, Object>> get(@PathVariable String id, Caller caller) {
		return catalog.readable(Attachments.KIND, caller, id).map(Attachments.KIND::toJson);
	}

	@RequestMapping(path = "/{id}", method = { RequestMethod.PATCH, RequestMethod.PUT })
	Mono<Map<String, Object>> patch(@PathVariable String id, @RequestBody Map<String, Object> body, Caller caller) {
		return catalog.patch(Attachments.KIND, caller, id, body, Attachments.BODY, FIXED).map(Attachments.KIND::toJson);
	}

	@DeleteMapping("/{id}")
	Mono<Map<String, Object>> delete(@PathVariable String id, Caller caller) {
		return catalog.delete(Attachments.KIND, caller, id).map(Attachments.KIND::toJson);
	}

}
