package io.catalog.api.attachment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.catalog.api.access.Caller;
import io.catalog.api.contract.ApiBody;
import io.catalog.api.contract.ApiReturns;
import io.catalog.api.document.Catalog;
import io.catalog.api.web.Problems;

/**
 * SciCat's v4 attachment routes, {@code /api/v4/attachments}: the id is {@code aid}, the targets are
 * {@code relationships}, anonymous writes are refused with 403 as SciCat refuses them, and a PATCH sent as
 * {@code application/merge-patch+json} resets the fields it sets to {@code null} (plain JSON leaves them).
 */
@RestController
@Tag(name = "Attachments v4")
@RequestMapping("/api/v4/attachments")
class AttachmentV4Controller {

	private static final String MERGE_PATCH = "application/merge-patch+json";

	private final Catalog catalog;

	private final Attachments attachments;

	AttachmentV4Controller(Catalog catalog, Attachments attachments) {
		this.catalog = catalog;
		this.attachments = attachments;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createAttachmentV4", summary = "Create an attachment; each relationship's target is checked as the nested routes check their parent")
	@ApiBody("CreateAttachmentV4")
	@ApiReturns("AttachmentV4")
	Mono<Map<String, Object>> create(@RequestBody Map<String, Object> body, Caller caller) {
		return signedIn(caller).then(attachments.createV4(body, caller)).map(Attachments::v4);
	}

	@PostMapping("/isValid")
	@Operation(operationId = "isValidAttachmentV4", summary = "Check an attachment without storing it: valid, and the reasons when not")
	@ApiBody("CreateAttachmentV4")
	@ApiReturns("Validity")
	Mono<Map<String, Object>> isValid(@RequestBody Map<String, Object> body, Caller caller) {
		return signedIn(caller).then(attachments.problemsV4(body, caller)).map(problems -> {
			var answer = new LinkedHashMap<String, Object>();
			answer.put("valid", problems.isEmpty());
			answer.put("reason", problems);
			return answer;
		});
	}

	@GetMapping
	@Operation(operationId = "listAttachmentsV4", summary = "Attachments matching a LoopBack filter, under the read rule")
	@ApiReturns(value = "AttachmentV4", list = true)
	Mono<List<Map<String, Object>>> list(@RequestParam(required = false) String filter, Caller caller) {
		return catalog.list(Attachments.KIND, caller, filter)
			.map(found -> found.stream().map(AttachmentV4Controller::v4).toList());
	}

	@GetMapping("/{aid}")
	@Operation(operationId = "getAttachmentV4", summary = "One attachment")
	@ApiReturns("AttachmentV4")
	Mono<Map<String, Object>> get(@PathVariable String aid, Caller caller) {
		return catalog.readable(Attachments.KIND, caller, aid).map(Attachments::v4);
	}

	@PatchMapping(path = "/{aid}", consumes = { MediaType.APPLICATION_JSON_VALUE, MERGE_PATCH })
	@Operation(operationId = "updateAttachmentV4", summary = "Change some fields of an attachment (null resets a field with application/merge-patch+json)")
	@ApiBody("UpdateAttachmentV4")
	@ApiReturns("AttachmentV4")
	Mono<Map<String, Object>> patch(@PathVariable String aid, @RequestBody Map<String, Object> body,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType, Caller caller) {
		var fields = new LinkedHashMap<>(body);
		fields.remove("aid", aid);
		if (contentType == null || !contentType.startsWith(MERGE_PATCH)) {
			fields.values().removeIf(value -> value == null);
		}
		return signedIn(caller).then(attachments.patch(aid, fields, Attachments.V4_BODY, caller)).map(Attachments::v4);
	}

	@PutMapping("/{aid}")
	@Operation(operationId = "replaceAttachmentV4", summary = "Replace an attachment; fields left out are removed, its id and owner group stay")
	@ApiBody("CreateAttachmentV4")
	@ApiReturns("AttachmentV4")
	Mono<Map<String, Object>> replace(@PathVariable String aid, @RequestBody Map<String, Object> body, Caller caller) {
		return signedIn(caller).then(attachments.replaceV4(aid, body, caller)).map(Attachments::v4);
	}

	@DeleteMapping("/{aid}")
	@Operation(operationId = "deleteAttachmentV4", summary = "Delete an attachment")
	@ApiReturns("AttachmentV4")
	Mono<Map<String, Object>> delete(@PathVariable String aid, Caller caller) {
		return signedIn(caller).then(catalog.delete(Attachments.KIND, caller, aid)).map(Attachments::v4);
	}

	private static Map<String, Object> v4(Map<String, Object> json) {
		var answer = new LinkedHashMap<String, Object>();
		answer.put("aid", json.get("id"));
		answer.putAll(json);
		return answer;
	}

	private static Mono<Void> signedIn(Caller caller) {
		return caller.authenticated() ? Mono.empty() : Mono.error(() -> Problems.forbidden("sign in to change attachments"));
	}

}
