package io.catalog.api.attachment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.catalog.api.access.Caller;
import io.catalog.api.access.Resource;
import io.catalog.api.dataset.Datasets;
import io.catalog.api.document.Catalog;
import io.catalog.api.document.EntityKind;
import io.catalog.api.proposal.Proposals;
import io.catalog.api.publisheddata.PublishedDataKind;
import io.catalog.api.sample.Samples;
import io.catalog.api.web.FieldError;
import io.catalog.api.web.InvalidInputException;
import io.catalog.api.web.Problems;

/**
 * What an attachment is attached to, named in its body (v3 {@code datasetId}, {@code sampleId}, {@code proposalId};
 * v4 {@code relationships}), and the rule that makes {@code POST /attachments} no wider than the nested routes: the
 * caller must be allowed to attach to every target as {@code POST /datasets/{pid}/attachments} would allow it (read
 * the target, create an attachment owned by the target's owner group), and the attachment belongs to that group. A
 * target that does not exist is refused (400, naming the field), except a v4 relationship of an attachment that names
 * its owner group, when the caller may create attachments for that group ({@code ATTACHMENT_GROUPS},
 * {@code ATTACHMENT_PRIVILEGED_GROUPS}): SciCat links attachments to ids it does not hold.
 */
final class AttachmentTargets {

	/** v4 {@code targetType} to the kind it names. */
	static final Map<String, EntityKind> KINDS = Map.of("dataset", Datasets.KIND, "sample", Samples.KIND, "proposal",
			Proposals.KIND, "published_data", PublishedDataKind.KIND);

	/** v3 fields that name a target, with the kind each names. */
	static final Map<String, EntityKind> FOREIGN_KEYS = Map.of("datasetId", Datasets.KIND, "sampleId", Samples.KIND,
			"proposalId", Proposals.KIND);

	private final Catalog catalog;

	AttachmentTargets(Catalog catalog) {
		this.catalog = catalog;
	}

	/**
	 * One target named in an attachment.
	 *
	 * @param field where the body names it, for a refusal
	 * @param kind its kind
	 * @param id its id
	 * @param link whether it is a v4 relationship, which may name an id the catalog does not hold (a v3 target is
	 *        the attachment's parent and must exist)
	 */
	record Target(String field, EntityKind kind, String id, boolean link) {
	}

	/** The targets an attachment names; blank v3 fields name nothing (and are dropped). */
	static List<Target> of(Document attachment) {
		var targets = new ArrayList<Target>();
		FOREIGN_KEYS.forEach((field, kind) -> {
			if (attachment.get(field) instanceof String id && !id.isBlank()) {
				targets.add(new Target(field, kind, id, false));
			}
			else {
				attachment.remove(field);
			}
		});
		if (attachment.get("relationships") instanceof List<?> relationships) {
			for (int i = 0; i < relationships.size(); i++) {
				var relationship = (Document) relationships.get(i);
				targets.add(new Target("relationships[" + i + "].targetId", KINDS.get(relationship.getString("targetType")),
						relationship.getString("targetId"), true));
			}
		}
		return targets;
	}

	/**
	 * Checks the targets of an attachment about to be stored (new or changed) and completes it from them: its owner
	 * group, when it names none, and its access groups and publication, when it has none. Throws 400, 401 or 403.
	 */
	Mono<Document> check(Caller caller, Document attachment, List<Target> targets) {
		if (!caller.authenticated()) {
			return Mono.error(Problems::unauthorized);
		}
		boolean admin = catalog.policy().isAdmin(caller);
		// an attachment that names its owner group is judged by the attachment groups first (403 before any lookup);
		// one so allowed may link to ids the catalog does not hold, as SciCat lets it
		boolean named = attachment.get("ownerGroup") != null;
		if (named) {
			catalog.policy().checkCreate(caller, Resource.ATTACHMENT, attachment, null);
		}
		return Flux.fromIterable(targets)
			.concatMap(target -> catalog.store().get(target.kind(), target.id())
				.map(found -> new Found(target, found))
				.switchIfEmpty(Mono.defer(() -> admin || named && target.link() ? Mono.empty()
						: Mono.error(new InvalidInputException(target.field(), "no " + target.kind().collection() + " "
								+ target.id())))))
			.collectList()
			.map(found -> {
				found.forEach(parent -> attachTo(caller, attachment, parent, admin));
				catalog.policy().checkCreate(caller, Resource.ATTACHMENT, attachment, null);
				return attachment;
			});
	}

	private record Found(Target target, Document document) {
	}

	private void attachTo(Caller caller, Document attachment, Found parent, boolean admin) {
		var owner = parent.document().get("ownerGroup");
		catalog.policy().checkRead(caller, parent.target().kind().resource(), parent.document());
		if (owner != null) {
			attachment.putIfAbsent("ownerGroup", owner);
			if (!admin && !Objects.equals(owner, attachment.get("ownerGroup"))) {
				throw new InvalidInputException(List.of(new FieldError("ownerGroup", "must be " + owner + ", the owner group of "
						+ parent.target().kind().collection() + " " + parent.target().id())));
			}
		}
		attachment.putIfAbsent("accessGroups", parent.document().get("accessGroups"));
		attachment.putIfAbsent("isPublished", parent.document().get("isPublished"));
		catalog.policy().checkCreate(caller, Resource.ATTACHMENT, attachment, parent.document());
	}

}
