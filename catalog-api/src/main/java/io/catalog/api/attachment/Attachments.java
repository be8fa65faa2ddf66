package io.catalog.api.attachment;

import static io.catalog.api.schema.FieldType.BOOLEAN;
import static io.catalog.api.schema.FieldType.DATE;
import static io.catalog.api.schema.FieldType.OBJECTS;
import static io.catalog.api.schema.FieldType.STRING;
import static io.catalog.api.schema.FieldType.STRINGS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import io.catalog.api.access.AttachmentUse;
import io.catalog.api.access.Caller;
import io.catalog.api.access.Resource;
import io.catalog.api.document.Catalog;
import io.catalog.api.document.EntityKind;
import io.catalog.api.schema.Schema;
import io.catalog.api.web.FieldError;
import io.catalog.api.web.InvalidInputException;

/**
 * Attachments (thumbnails with captions) of datasets, samples and proposals: SciCat's {@code Attachment} collection,
 * with its v3 bodies (targets in {@code datasetId}, {@code sampleId}, {@code proposalId}) and its v4 ones (targets in
 * {@code relationships}, the id called {@code aid}).
 */
@Service
class Attachments {

	/** What an attachment is to another document: v4's {@code relationships[]}. */
	static final Schema RELATIONSHIP = Schema.builder()
		.required("targetId", STRING)
		.required("targetType", STRING)
		.optional("relationType", STRING)
		.build();

	static final Schema BODY = Schema.builder()
		.required("caption", STRING)
		.optional(STRING, "thumbnail", "ownerGroup", "instrumentGroup", "datasetId", "sampleId", "proposalId", "id")
		.optional("accessGroups", STRINGS)
		.optional("isPublished", BOOLEAN)
		.optional("relationships", OBJECTS, RELATIONSHIP)
		.build();

	/** SciCat's v4 body: caption, publication and owner group required, targets only as relationships, id as aid. */
	static final Schema V4_BODY = Schema.builder()
		.required("caption", STRING)
		.required("isPublished", BOOLEAN)
		.required("ownerGroup", STRING)
		.optional(STRING, "thumbnail", "instrumentGroup", "aid")
		.optional("accessGroups", STRINGS)
		.optional("relationships", OBJECTS, RELATIONSHIP)
		.build();

	static final EntityKind KIND = new EntityKind(Resource.ATTACHMENT, "Attachment", "id",
			BODY.with().optional(DATE, "createdAt", "updatedAt").optional(STRING, "createdBy", "updatedBy").build(),
			Map.of());

	/** Fields no change may make: the targets of v3 and the owner group, which follows the targets. */
	static final Set<String> FIXED = Set.of("datasetId", "sampleId", "proposalId", "ownerGroup", "id", "aid");

	static final String DEFAULT_RELATION = "is attached to";

	private static final String SIZE_HINT = "store a smaller thumbnail (the attachment holds it inline)";

	private final Catalog catalog;

	private final AttachmentTargets targets;

	Attachments(Catalog catalog) {
		this.catalog = catalog;
		this.targets = new AttachmentTargets(catalog);
	}

	/** Stores an attachment on its own: its targets checked as the nested routes check their parent. */
	Mono<Document> create(Map<String, Object> body, Caller caller) {
		return Mono.fromSupplier(() -> read(BODY, body, "id"))
			.flatMap(attachment -> targets.check(caller, attachment, AttachmentTargets.of(attachment)))
			.flatMap(attachment -> catalog.insert(KIND, attachment, caller, SIZE_HINT));
	}

	/** Stores an attachment from a v4 body. */
	Mono<Document> createV4(Map<String, Object> body, Caller caller) {
		return Mono.fromSupplier(() -> read(V4_BODY, body, "aid"))
			.flatMap(attachment -> targets.check(caller, attachment, AttachmentTargets.of(attachment)))
			.flatMap(attachment -> catalog.insert(KIND, attachment, caller, SIZE_HINT));
	}

	/** Checks a v4 body as a create would, without storing it: the reasons it would be refused, or none. */
	Mono<List<FieldError>> problemsV4(Map<String, Object> body, Caller caller) {
		return Mono.fromSupplier(() -> read(V4_BODY, body, "aid"))
			.flatMap(attachment -> targets.check(caller, attachment, AttachmentTargets.of(attachment)))
			.map(valid -> List.<FieldError>of())
			.onErrorResume(InvalidInputException.class, ex -> Mono.just(ex.errors()));
	}

	/** Stores an attachment of a parent the caller may read; ownership follows the parent. */
	Mono<Document> createFor(EntityKind parentKind, String foreignKey, String parentId, Map<String, Object> body,
			Caller caller) {
		return catalog.readable(parentKind, caller, parentId).flatMap(parent -> {
			var attachment = read(BODY, body, "id");
			attachment.put(foreignKey, parentId);
			attachment.put("ownerGroup", parent.get("ownerGroup"));
			attachment.putIfAbsent("accessGroups", parent.get("accessGroups"));
			attachment.putIfAbsent("isPublished", parent.get("isPublished"));
			catalog.policy().checkCreate(caller, Resource.ATTACHMENT, attachment, parent);
			return targets.check(caller, attachment, AttachmentTargets.of(attachment));
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
			var attachment = read(BODY, body, "id");
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

	/** Changes some fields; new relationships are checked as a create checks them. */
	Mono<Document> patch(String id, Map<String, Object> body, Schema schema, Caller caller) {
		return catalog.existing(KIND, id).flatMap(before -> {
			catalog.policy().checkRead(caller, KIND.resource(), before);
			catalog.policy().checkUpdate(caller, KIND.resource(), before);
			if (body.get("relationships") == null) {
				return catalog.patch(KIND, caller, id, body, schema, FIXED);
			}
			var changed = schema.read(body, Schema.Mode.UPDATE);
			var after = new Document(before);
			after.putAll(normalised(changed));
			return targets.check(caller, after, relationshipsOf(after))
				.then(catalog.patch(KIND, caller, id, withRelationships(body, changed), schema, FIXED));
		});
	}

	/** Replaces an attachment from a v4 body; its id, owner group and creation stay. */
	Mono<Document> replaceV4(String id, Map<String, Object> body, Caller caller) {
		return catalog.existing(KIND, id).flatMap(before -> {
			catalog.policy().checkRead(caller, KIND.resource(), before);
			catalog.policy().checkUpdate(caller, KIND.resource(), before);
			var replacement = read(V4_BODY, body, "aid");
			if (!id.equals(replacement.get("_id")) && body.get("aid") != null) {
				throw new InvalidInputException("aid", "cannot be changed");
			}
			if (!before.get("ownerGroup", "").equals(replacement.get("ownerGroup"))) {
				throw new InvalidInputException("ownerGroup", "cannot be changed");
			}
			for (var key : List.of("createdBy", "createdAt", "datasetId", "sampleId", "proposalId")) {
				if (before.containsKey(key)) {
					replacement.put(key, before.get(key));
				}
			}
			return targets.check(caller, replacement, relationshipsOf(replacement))
				.flatMap(checked -> catalog.replace(KIND, caller, before, checked, SIZE_HINT));
		});
	}

	/** The attachment as v4 answers it: its id as {@code aid}. */
	static Map<String, Object> v4(Document attachment) {
		var json = new LinkedHashMap<String, Object>();
		json.put("aid", attachment.get("_id"));
		json.putAll(KIND.toJson(attachment));
		return json;
	}

	private static Document read(Schema schema, Map<String, Object> body, String idField) {
		var attachment = normalised(schema.read(body, Schema.Mode.CREATE));
		var id = attachment.remove(idField);
		attachment.put("_id", id != null ? id : UUID.randomUUID().toString());
		attachment.putIfAbsent("isPublished", false);
		return attachment;
	}

	/** Relationships with their type checked and their relation defaulted. */
	private static Document normalised(Document attachment) {
		if (attachment.get("relationships") instanceof List<?> relationships) {
			var errors = new ArrayList<FieldError>();
			for (int i = 0; i < relationships.size(); i++) {
				var relationship = (Document) relationships.get(i);
				if (!AttachmentTargets.KINDS.containsKey(relationship.getString("targetType"))) {
					errors.add(new FieldError("relationships[" + i + "].targetType",
							"must be one of " + new TreeSet<>(AttachmentTargets.KINDS.keySet())));
				}
				relationship.putIfAbsent("relationType", DEFAULT_RELATION);
				if (relationship.get("relationType") == null) {
					relationship.put("relationType", DEFAULT_RELATION);
				}
			}
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors);
			}
		}
		return attachment;
	}

	private static List<AttachmentTargets.Target> relationshipsOf(Document attachment) {
		var only = new Document();
		only.put("relationships", attachment.get("relationships"));
		return AttachmentTargets.of(only);
	}

	/** The body with its relationships as checked (their relation defaulted), for the patch to store. */
	private static Map<String, Object> withRelationships(Map<String, Object> body, Document changed) {
		var copy = new LinkedHashMap<>(body);
		copy.put("relationships", ((List<?>) changed.get("relationships")).stream()
			.map(relationship -> new LinkedHashMap<String, Object>((Document) relationship))
			.toList());
		return copy;
	}

}
