package io.catalog.api.attachment;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.catalog.api.access.Caller;
import io.catalog.api.dataset.Datasets;
import io.catalog.api.document.Catalog;
import io.catalog.api.document.EntityKind;
import io.catalog.api.proposal.Proposals;
import io.catalog.api.sample.Samples;
import io.catalog.api.web.Problems;

/** Attachments under their parent: {@code /datasets/{pid}/attachments}, and likewise for samples and proposals. */
@RestController
@RequestMapping("/api/{version:v3|v4}/{parents:datasets|samples|proposals}/{parentId}/attachments")
class ParentAttachmentController {

	/** Parent kinds by path name, with the attachment field that points at them. */
	private static final Map<String, Parent> PARENTS = Map.of("datasets", new Parent(Datasets.KIND, "datasetId"),
			"samples", new Parent(Samples.KIND, "sampleId"), "proposals", new Parent(Proposals.KIND, "proposalId"));

	private final Catalog catalog;

	private final Attachments attachments;

	ParentAttachmentController(Catalog catalog, Attachments attachments) {
		this.catalog = catalog;
		this.attachments = attachments;
	}

	/** A kind that holds attachments. */
	record Parent(EntityKind kind, String foreignKey) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Map<String, Object>> create(@PathVariable String parents, @PathVariable String parentId,
			@RequestBody Map<String, Object> body, Caller caller) {
		var parent = parent(parents);
		return attachments.createFor(parent.kind(), parent.foreignKey(), parentId, body, caller)
			.map(Attachments.KIND::toJson);
	}

	@GetMapping
	Mono<List<Map<String, Object>>> list(@PathVariable String parents, @PathVariable String parentId, Caller caller) {
		var parent = parent(parents);
		return catalog.readable(parent.kind(), caller, parentId)
			.flatMap(found -> catalog.store().children(Attachments.KIND.collection(), parent.foreignKey(), parentId)
				.map(Attachments.KIND::toJson).collectList());
	}

	@GetMapping("/{id}")
	Mono<Map<String, Object>> get(@PathVariable String parents, @PathVariable String parentId, @PathVariable String id,
			Caller caller) {
		return owned(parents, parentId, id).doOnNext(a -> catalog.policy().checkRead(caller, Attachments.KIND.resource(), a))
			.map(Attachments.KIND::toJson);
	}

	@RequestMapping(path = "/{id}", method = { RequestMethod.PATCH, RequestMethod.PUT })
	Mono<Map<String, Object>> patch(@PathVariable String parents, @PathVariable String parentId, @PathVariable String id,
			@RequestBody Map<String, Object> body, Caller caller) {
		return owned(parents, parentId, id)
			.then(catalog.patch(Attachments.KIND, caller, id, body, Attachments.BODY, AttachmentController.FIXED))
			.map(Attachments.KIND::toJson);
	}

	@DeleteMapping("/{id}")
	Mono<Map<String, Object>> delete(@PathVariable String parents, @PathVariable String parentId,
			@PathVariable String id, Caller caller) {
		return owned(parents, parentId, id).then(catalog.delete(Attachments.KIND, caller, id))
			.map(Attachments.KIND::toJson);
	}

	private Mono<Document> owned(String parents, String parentId, String id) {
		var parent = parent(parents);
		return catalog.existing(Attachments.KIND, id)
			.filter(attachment -> parentId.equals(attachment.get(parent.foreignKey())))
			.switchIfEmpty(Mono.error(() -> Problems.notFound("Attachment", id)));
	}

	private static Parent parent(String name) {
		return PARENTS.get(name.toLowerCase());
	}

}
