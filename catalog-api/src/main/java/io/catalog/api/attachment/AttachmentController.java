package io.catalog.api.attachment;

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
import org.springframework.web.bind.annotation.PutMapping;
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
 * The standalone attachment routes of v3, {@code /attachments}; an attachment made here to a dataset, sample or
 * proposal is checked as the nested route of that parent checks it.
 */
@RestController
@Tag(name = "Attachments")
@RequestMapping("/api/v3/attachments")
class AttachmentController {

	private final Catalog catalog;

	private final Attachments attachments;

	AttachmentController(Catalog catalog, Attachments attachments) {
		this.catalog = catalog;
		this.attachments = attachments;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createAttachment", summary = "Create an attachment")
	@ApiBody("CreateAttachment")
	@ApiReturns("Attachment")
	Mono<Map<String, Object>> create(@RequestBody Map<String, Object> body, Caller caller) {
		return attachments.create(body, caller).map(Attachments.KIND::toJson);
	}

	@GetMapping
	@Operation(operationId = "listAttachments", summary = "Attachments matching a LoopBack filter, under the read rule")
	@ApiReturns(value = "Attachment", list = true)
	Mono<List<Map<String, Object>>> list(@RequestParam(required = false) String filter, Caller caller) {
		return catalog.list(Attachments.KIND, caller, filter);
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getAttachment", summary = "One attachment")
	@ApiReturns("Attachment")
	Mono<Map<String, Object>> get(@PathVariable String id, Caller caller) {
		return catalog.readable(Attachments.KIND, caller, id).map(Attachments.KIND::toJson);
	}

	@PatchMapping("/{id}")
	@Operation(operationId = "updateAttachment", summary = "Change some fields of an attachment")
	@ApiBody("UpdateAttachment")
	@ApiReturns("Attachment")
	Mono<Map<String, Object>> patch(@PathVariable String id, @RequestBody Map<String, Object> body, Caller caller) {
		return attachments.patch(id, body, Attachments.BODY, caller).map(Attachments.KIND::toJson);
	}

	@PutMapping("/{id}")
	@Operation(operationId = "replaceAttachment", summary = "Change some fields of an attachment (SciCat clients use PUT; same as PATCH)")
	@ApiBody("UpdateAttachment")
	@ApiReturns("Attachment")
	Mono<Map<String, Object>> replace(@PathVariable String id, @RequestBody Map<String, Object> body, Caller caller) {
		return patch(id, body, caller);
	}

	@DeleteMapping("/{id}")
	@Operation(operationId = "deleteAttachment", summary = "Delete an attachment")
	@ApiReturns("Attachment")
	Mono<Map<String, Object>> delete(@PathVariable String id, Caller caller) {
		return catalog.delete(Attachments.KIND, caller, id).map(Attachments.KIND::toJson);
	}

}
