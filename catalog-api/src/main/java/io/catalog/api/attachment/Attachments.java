package io.catalog.api.attachment;

import static io.catalog.api.document.FieldType.BOOLEAN;
import static io.catalog.api.document.FieldType.DATE;
import static io.catalog.api.document.FieldType.OBJECTS;
import static io.catalog.api.document.FieldType.STRING;
import static io.catalog.api.document.FieldType.STRINGS;

import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import io.catalog.api.access.AccessPolicy.AttachmentUse;
import io.catalog.api.access.Caller;
import io.catalog.api.access.Resource;
import io.catalog.api.document.Catalog;
import io.catalog.api.document.EntityKind;
import io.catalog.api.document.Schema;

/** Attachments (thumbnails with captions) of datasets, samples and proposals: SciCat's {@code Attachment} collection. */
@Service
class Attachments {

	static final Schema BODY = Schema.builder()
		.required("caption", STRING)
		.optional(STRING, "thumbnail", "ownerGroup", "instrumentGroup", "datasetId", "sampleId", "proposalId", "id")
		.optional("accessGroups", STRINGS)
		.optional("isPublished", BOOLEAN)
		.optional("relationships", OBJECTS)
		.build();

	static final EntityKind KIND = new EntityKind(Resource.ATTACHMENT, "Attachment", "id",
			BODY.with().optional(DATE, "createdAt", "updatedAt").optional(STRING, "createdBy", "updatedBy").build(),
			Map.of());

	private static final String SIZE_HINT = "store a smaller thumbnail (the attachment holds it inline)";

	private final Catalog catalog;

	Attachments(Catalog catalog) {
		this.catalog = catalog;
	}

	/** Stores an attachment on its own; its owner group comes from the body. */
	Mono<Document> create(Map<String, Object> body, Caller caller) {
		return Mono.fromSupplier(() -> {
			var attachment = read(body);
			catalog.policy().checkCreate(caller, Resource.ATTACHMENT, attachment, null);
			return attachment;
		}).flatMap(attachment -> catalog.insert(KIND, attachment, caller, SIZE_HINT));
	}

	/** Stores an attachment of a parent the caller may read; ownership follows the parent. */
	Mono<Document> createFor(EntityKind parentKind, String foreignKey, String parentId, Map<String, Object> body,
			Caller caller) {
		return catalog.readable(parentKind, caller, parentId).map(parent -> {
			var attachment = read(body);
			attachment.put(foreignKey, parentId);
			attachment.put("ownerGroup", parent.get("ownerGroup"));
			attachment.putIfAbsent("accessGroups", parent.get("accessGroups"));
			attachment.putIfAbsent("isPublished", parent.get("isPublished"));
			catalog.policy().checkCreate(caller, Resource.ATTACHMENT, attachment, parent);
			return attachment;
		}).flatMap(attachment -> catalog.insert(KIND, attachment, caller, SIZE_HINT));
	}

	/**
	 * Stores an attachment of a sample or a proposal, judged by the parent's rule ({@code AccessPolicy}). A sample's
	 * attachment takes the sample's groups; a proposal's keeps the groups its body names, as SciCat's proposal route
	 * does, else takes the proposal's.
	 */
	Mono<Document> createUnder(EntityKind parentKind, String foreignKey, String parentId, Map<String, Object> body,
			Caller caller) {
		return catalog.existing(parentKind, parentId).map(parent -> {
			catalog.policy().checkParentAttachment(caller, parentKind.resource(), parent, AttachmentUse.CREATE);
			var attachment = read(body);
			attachment.put(foreignKey, parentId);
			if (parentKind.resource() == Resource.SAMPLE) {
				attachment.put("ownerGroup", parent.get("ownerGroup"));
				attachment.put("accessGroups", parent.get("accessGroups"));
			}
			attachment.putIfAbsent("ownerGroup", parent.get("ownerGroup"));
			attachment.putIfAbsent("accessGroups", parent.get("accessGroups"));
			return attachment;
		}).flatMap(attachment -> catalog.insert(KIND, attachment, caller, SIZE_HINT));
	}

	private static Document read(Map<String, Object> body) {
		var attachment = BODY.read(body, Schema.Mode.CREATE);
		var id = attachment.remove("id");
		attachment.put("_id", id != null ? id : UUID.randomUUID().toString());
		attachment.putIfAbsent("isPublished", false);
		return attachment;
	}

}
