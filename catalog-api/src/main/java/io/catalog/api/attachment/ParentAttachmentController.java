package io.catalog.api.attachment;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import reactor.core.publisher.Flux;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.catalog.api.access.AttachmentUse;
import io.catalog.api.access.Caller;
import io.catalog.api.contract.ApiBody;
import io.catalog.api.contract.ApiReturns;
import io.catalog.api.dataset.Datasets;
import io.catalog.api.document.Catalog;
import io.catalog.api.document.EntityKind;
import io.catalog.api.proposal.Proposals;
import io.catalog.api.sample.Samples;
import io.catalog.api.web.Problems;

/**
 * Attachments under their parent: {@code /datasets/{pid}/attachments}, and likewise for samples and proposals, whose
 * attachments SciCat judges by the sample's or proposal's rule rather than by the attachment's own groups.
 */
@RestController
@RequestMapping({ "/api/v3", "/api/v4" })
@Tag(name = "Attachments")
class ParentAttachmentController {

	private static final Parent DATASET = new Parent(Datasets.KIND, "datasetId");

	private static final Parent SAMPLE = new Parent(Samples.KIND, "sampleId");

	private static final Parent PROPOSAL = new Parent(Proposals.KIND, "proposalId");

	private final Catalog catalog;

	private final Attachments attachments;

	ParentAttachmentController(Catalog catalog, Attachments attachments) {
		this.catalog = catalog;
		this.attachments = attachments;
	}

	/** A kind that holds attachments, with the attachment field that points at it. */
	record Parent(EntityKind kind, String foreignKey) {
	}

	@PostMapping("/datasets/{pid}/attachments")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createDatasetAttachment", summary = "Attach a thumbnail to a dataset; ownership follows it")
	@ApiBody("CreateAttachment")
	@ApiReturns("Attachment")
	Mono<Map<String, Object>> createDatasetAttachment(@PathVariable String pid, @RequestBody Map<String, Object> body,
			Caller caller) {
		return attachments.createFor(DATASET.kind(), DATASET.foreignKey(), pid, body, caller).map(Attachments.KIND::toJson);
	}

	@GetMapping("/datasets/{pid}/attachments")
	@Operation(operationId = "listDatasetAttachments", summary = "The attachments of a dataset")
	@ApiReturns(value = "Attachment", list = true)
	Mono<List<Map<String, Object>>> listDatasetAttachments(@PathVariable String pid, Caller caller) {
		return list(DATASET, pid, caller);
	}

	@GetMapping("/datasets/{pid}/attachments/count")
	@Operation(operationId = "countDatasetAttachments", summary = "How many attachments a dataset has")
	@ApiReturns("Count")
	Mono<Map<String, Object>> countDatasetAttachments(@PathVariable String pid, Caller caller) {
		return catalog.readable(DATASET.kind(), caller, pid)
			.then(catalog.store().count(Attachments.KIND, new Document(DATASET.foreignKey(), pid), new Document()))
			.map(count -> Map.of("count", count));
	}

	/**
	 * Deletes all of a dataset's attachments, or none when the caller may not delete them (judged as an attachment
	 * with the dataset's groups, and each attachment on its own).
	 */
	@DeleteMapping("/datasets/{pid}/attachments")
	@Operation(operationId = "deleteDatasetAttachments", summary = "Delete all attachments of a dataset")
	@ApiReturns("Count")
	Mono<Map<String, Object>> deleteDatasetAttachments(@PathVariable String pid, Caller caller) {
		return catalog.readable(DATASET.kind(), caller, pid)
			.doOnNext(dataset -> catalog.policy().checkDelete(caller, Attachments.KIND.resource(),
					new Document("ownerGroup", dataset.get("ownerGroup")).append("accessGroups", dataset.get("accessGroups"))))
			.thenMany(catalog.store().children(Attachments.KIND.collection(), DATASET.foreignKey(), pid))
			.doOnNext(attachment -> catalog.policy().checkDelete(caller, Attachments.KIND.resource(), attachment))
			.collectList()
			.flatMapMany(all -> Flux.fromIterable(all).concatMap(a -> catalog.delete(Attachments.KIND, caller, a.get("_id"))))
			.count().map(count -> Map.of("count", count));
	}

	@GetMapping("/datasets/{pid}/attachments/{id}")
	@Operation(operationId = "getDatasetAttachment", summary = "One attachment of a dataset")
	@ApiReturns("Attachment")
	Mono<Map<String, Object>> getDatasetAttachment(@PathVariable String pid, @PathVariable String id, Caller caller) {
		return owned(DATASET, pid, id).doOnNext(a -> catalog.policy().checkRead(caller, Attachments.KIND.resource(), a))
			.map(Attachments.KIND::toJson);
	}

	@PatchMapping("/datasets/{pid}/attachments/{id}")
	@Operation(operationId = "updateDatasetAttachment", summary = "Change an attachment of a dataset")
	@ApiBody("UpdateAttachment")
	@ApiReturns("Attachment")
	Mono<Map<String, Object>> updateDatasetAttachment(@PathVariable String pid, @PathVariable String id,
			@RequestBody Map<String, Object> body, Caller caller) {
		return owned(DATASET, pid, id)
			.then(attachments.patch(id, body, Attachments.BODY, caller))
			.map(Attachments.KIND::toJson);
	}

	@PutMapping("/datasets/{pid}/attachments/{id}")
	@Operation(operationId = "replaceDatasetAttachment", summary = "Change an attachment of a dataset (SciCat clients use PUT; same as PATCH)")
	@ApiBody("UpdateAttachment")
	@ApiReturns("Attachment")
	Mono<Map<String, Object>> replaceDatasetAttachment(@PathVariable String pid, @PathVariable String id,
			@RequestBody Map<String, Object> body, Caller caller) {
		return updateDatasetAttachment(pid, id, body, caller);
	}

	@DeleteMapping("/datasets/{pid}/attachments/{id}")
	@Operation(operationId = "deleteDatasetAttachment", summary = "Delete an attachment of a dataset")
	@ApiReturns("Attachment")
	Mono<Map<String, Object>> deleteDatasetAttachment(@PathVariable String pid, @PathVariable String id, Caller caller) {
		return owned(DATASET, pid, id).then(catalog.delete(Attachments.KIND, caller, id)).map(Attachments.KIND::toJson);
	}

	@PostMapping("/samples/{sampleId}/attachments")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createSampleAttachment", summary = "Attach a thumbnail to a sample; ownership follows it")
	@ApiBody("CreateAttachment")
	@ApiReturns("Attachment")
	Mono<Map<String, Object>> createSampleAttachment(@PathVariable String sampleId, @RequestBody Map<String, Object> body,
			Caller caller) {
		return attachments.createUnder(SAMPLE.kind(), SAMPLE.foreignKey(), sampleId, body, caller).map(Attachments.KIND::toJson);
	}

	@GetMapping("/samples/{sampleId}/attachments")
	@Operation(operationId = "listSampleAttachments", summary = "The attachments of a sample")
	@ApiReturns(value = "Attachment", list = true)
	Mono<List<Map<String, Object>>> listSampleAttachments(@PathVariable String sampleId, Caller caller) {
		return listUnder(SAMPLE, sampleId, caller);
	}

	@GetMapping("/samples/{sampleId}/attachments/{id}")
	@Operation(operationId = "getSampleAttachment", summary = "One attachment of a sample")
	@ApiReturns("Attachment")
	Mono<Map<String, Object>> getSampleAttachment(@PathVariable String sampleId, @PathVariable String id, Caller caller) {
		return judged(SAMPLE, sampleId, caller, AttachmentUse.READ).then(owned(SAMPLE, sampleId, id)).map(Attachments.KIND::toJson);
	}

	@PatchMapping("/samples/{sampleId}/attachments/{id}")
	@Operation(operationId = "updateSampleAttachment", summary = "Change an attachment of a sample")
	@ApiBody("UpdateAttachment")
	@ApiReturns("Attachment")
	Mono<Map<String, Object>> updateSampleAttachment(@PathVariable String sampleId, @PathVariable String id,
			@RequestBody Map<String, Object> body, Caller caller) {
		return judged(SAMPLE, sampleId, caller, AttachmentUse.UPDATE)
			.then(catalog.patch(Attachments.KIND, caller, id, body, Attachments.BODY, Attachments.FIXED,
					attachment -> requireUnder(SAMPLE, sampleId, attachment)))
			.map(Attachments.KIND::toJson);
	}

	@PutMapping("/samples/{sampleId}/attachments/{id}")
	@Operation(operationId = "replaceSampleAttachment", summary = "Change an attachment of a sample (SciCat clients use PUT; same as PATCH)")
	@ApiBody("UpdateAttachment")
	@ApiReturns("Attachment")
	Mono<Map<String, Object>> replaceSampleAttachment(@PathVariable String sampleId, @PathVariable String id,
			@RequestBody Map<String, Object> body, Caller caller) {
		return updateSampleAttachment(sampleId, id, body, caller);
	}

	@DeleteMapping("/samples/{sampleId}/attachments/{id}")
	@Operation(operationId = "deleteSampleAttachment", summary = "Delete an attachment of a sample")
	@ApiReturns("Attachment")
	Mono<Map<String, Object>> deleteSampleAttachment(@PathVariable String sampleId, @PathVariable String id, Caller caller) {
		return judged(SAMPLE, sampleId, caller, AttachmentUse.DELETE)
			.then(catalog.delete(Attachments.KIND, caller, id, attachment -> requireUnder(SAMPLE, sampleId, attachment)))
			.map(Attachments.KIND::toJson);
	}

	@PostMapping("/proposals/{proposalId}/attachments")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createProposalAttachment", summary = "Attach a thumbnail to a proposal; ownership follows it")
	@ApiBody("CreateAttachment")
	@ApiReturns("Attachment")
	Mono<Map<String, Object>> createProposalAttachment(@PathVariable String proposalId, @RequestBody Map<String, Object> body,
			Caller caller) {
		return attachments.createUnder(PROPOSAL.kind(), PROPOSAL.foreignKey(), proposalId, body, caller).map(Attachments.KIND::toJson);
	}

	@GetMapping("/proposals/{proposalId}/attachments")
	@Operation(operationId = "listProposalAttachments", summary = "The attachments of a proposal")
	@ApiReturns(value = "Attachment", list = true)
	Mono<List<Map<String, Object>>> listProposalAttachments(@PathVariable String proposalId, Caller caller) {
		return listUnder(PROPOSAL, proposalId, caller);
	}

	@GetMapping("/proposals/{proposalId}/attachments/{id}")
	@Operation(operationId = "getProposalAttachment", summary = "One attachment of a proposal")
	@ApiReturns("Attachment")
	Mono<Map<String, Object>> getProposalAttachment(@PathVariable String proposalId, @PathVariable String id, Caller caller) {
		return judged(PROPOSAL, proposalId, caller, AttachmentUse.READ).then(owned(PROPOSAL, proposalId, id)).map(Attachments.KIND::toJson);
	}

	@PatchMapping("/proposals/{proposalId}/attachments/{id}")
	@Operation(operationId = "updateProposalAttachment", summary = "Change an attachment of a proposal")
	@ApiBody("UpdateAttachment")
	@ApiReturns("Attachment")
	Mono<Map<String, Object>> updateProposalAttachment(@PathVariable String proposalId, @PathVariable String id,
			@RequestBody Map<String, Object> body, Caller caller) {
		return judged(PROPOSAL, proposalId, caller, AttachmentUse.UPDATE)
			.then(catalog.patch(Attachments.KIND, caller, id, body, Attachments.BODY, Attachments.FIXED,
					attachment -> requireUnder(PROPOSAL, proposalId, attachment)))
			.map(Attachments.KIND::toJson);
	}

	@PutMapping("/proposals/{proposalId}/attachments/{id}")
	@Operation(operationId = "replaceProposalAttachment", summary = "Change an attachment of a proposal (SciCat clients use PUT; same as PATCH)")
	@ApiBody("UpdateAttachment")
	@ApiReturns("Attachment")
	Mono<Map<String, Object>> replaceProposalAttachment(@PathVariable String proposalId, @PathVariable String id,
			@RequestBody Map<String, Object> body, Caller caller) {
		return updateProposalAttachment(proposalId, id, body, caller);
	}

	@DeleteMapping("/proposals/{proposalId}/attachments/{id}")
	@Operation(operationId = "deleteProposalAttachment", summary = "Delete an attachment of a proposal")
	@ApiReturns("Attachment")
	Mono<Map<String, Object>> deleteProposalAttachment(@PathVariable String proposalId, @PathVariable String id, Caller caller) {
		return judged(PROPOSAL, proposalId, caller, AttachmentUse.DELETE)
			.then(catalog.delete(Attachments.KIND, caller, id, attachment -> requireUnder(PROPOSAL, proposalId, attachment)))
			.map(Attachments.KIND::toJson);
	}

	private Mono<List<Map<String, Object>>> list(Parent parent, String parentId, Caller caller) {
		return catalog.readable(parent.kind(), caller, parentId)
			.flatMap(found -> catalog.store().children(Attachments.KIND.collection(), parent.foreignKey(), parentId)
				.map(Attachments.KIND::toJson).collectList());
	}

	/** The attachments of a sample or a proposal, if the parent's rule lets the caller read them. */
	private Mono<List<Map<String, Object>>> listUnder(Parent parent, String parentId, Caller caller) {
		return judged(parent, parentId, caller, AttachmentUse.READ)
			.flatMap(found -> catalog.store().children(Attachments.KIND.collection(), parent.foreignKey(), parentId)
				.map(Attachments.KIND::toJson).collectList());
	}

	/** The sample or proposal, once its rule lets the caller do this with its attachments; 404 when it is missing. */
	private Mono<Document> judged(Parent parent, String parentId, Caller caller, AttachmentUse use) {
		return catalog.existing(parent.kind(), parentId)
			.doOnNext(found -> catalog.policy().checkParentAttachment(caller, parent.kind().resource(), found, use));
	}

	private static void requireUnder(Parent parent, String parentId, Document attachment) {
		if (!parentId.equals(attachment.get(parent.foreignKey()))) {
			throw Problems.notFound("Attachment", attachment.get("_id"));
		}
	}

	private Mono<Document> owned(Parent parent, String parentId, String id) {
		return catalog.existing(Attachments.KIND, id)
			.filter(attachment -> parentId.equals(attachment.get(parent.foreignKey())))
			.switchIfEmpty(Mono.error(() -> Problems.notFound("Attachment", id)));
	}

}
