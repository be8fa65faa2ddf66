package io.catalog.api.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.bson.Document;

import org.springframework.stereotype.Component;

import io.catalog.api.web.Problems;

/**
 * The one place that decides who may read, create, change and delete what, by SciCat's rules and group lists.
 * Every handler consults it: reads through {@link #readRule}, single documents through {@link #canRead}, and
 * writes through the {@code check*} methods, which answer 401 to anonymous callers and 403 to others.
 */
@Component
public class AccessPolicy {

	private static final List<String> PUBLIC_PUBLICATION_STATES = List.of("public", "registered", "amended");

	private final AccessProperties groups;

	public AccessPolicy(AccessProperties groups) {
		this.groups = groups;
	}

	public boolean isAdmin(Caller caller) {
		return caller.inAny(groups.adminGroups());
	}

	/** The condition a read must add to see only what the caller may; empty when it may see everything. */
	public Document readRule(Caller caller, Resource resource) {
		if (readsEverything(caller, resource)) {
			return new Document();
		}
		return switch (resource) {
			case INSTRUMENT -> new Document();
			case PUBLISHED_DATA -> publishedOrMine(caller);
			case POLICY -> caller.authenticated() ? memberRule(caller, false, true) : nothing();
			default -> caller.authenticated() ? memberRule(caller, resource == Resource.DATASET, true)
					: new Document("isPublished", true);
		};
	}

	/**
	 * The narrower rule of SciCat's full queries of datasets, proposals and samples: what the caller's groups own or
	 * may access and datasets shared with them, without others' published ones (the read rule for the anonymous and
	 * for those who read everything).
	 */
	public Document groupRule(Caller caller, Resource resource) {
		return readsEverything(caller, resource) || !caller.authenticated() ? readRule(caller, resource)
				: memberRule(caller, resource == Resource.DATASET, false);
	}

	/** Whether the caller may read this stored document (the same rule as {@link #readRule}). */
	public boolean canRead(Caller caller, Resource resource, Document document) {
		if (readsEverything(caller, resource)) {
			return true;
		}
		return switch (resource) {
			case INSTRUMENT -> true;
			case PUBLISHED_DATA -> PUBLIC_PUBLICATION_STATES.contains(document.get("status"))
					|| caller.authenticated() && caller.username().equals(document.get("createdBy"));
			case POLICY -> isMember(caller, document);
			default -> Boolean.TRUE.equals(document.get("isPublished")) || isMember(caller, document)
					|| resource == Resource.DATASET && caller.email() != null
							&& asList(document.get("sharedWith")).contains(caller.email());
		};
	}

	public void checkRead(Caller caller, Resource resource, Document document) {
		if (!canRead(caller, resource, document)) {
			throw Problems.forbidden("Unauthorized access");
		}
	}

	/** Whether the caller may create datasets at all (for some owner group), as SciCat's {@code DatasetCreate}. */
	public boolean canCreateDatasets(Caller caller) {
		return caller.authenticated() && (isAdmin(caller) || caller.inAny(groups.createDatasetPrivilegedGroups())
				|| caller.inAny(groups.createDatasetWithPidGroups()) || caller.inAny(groups.createDatasetGroups()));
	}

	/** Checks a new dataset: its owner group, and whether the caller may choose its pid. */
	public void checkCreateDataset(Caller caller, Document dataset, boolean choosesPid) {
		requireSignedIn(caller);
		if (isAdmin(caller) || caller.inAny(groups.createDatasetPrivilegedGroups())) {
			return;
		}
		boolean owns = caller.isMemberOf(dataset.get("ownerGroup"));
		if (owns && caller.inAny(groups.createDatasetWithPidGroups())) {
			return;
		}
		if (owns && !choosesPid && caller.inAny(groups.createDatasetGroups())) {
			return;
		}
		throw Problems.forbidden("Unauthorized to create this dataset"
				+ (owns && choosesPid ? ": choosing the pid needs CREATE_DATASET_WITH_PID_GROUPS" : ""));
	}

	/** Checks a new document of any other kind; {@code parent} is the dataset it belongs to, if any. */
	public void checkCreate(Caller caller, Resource resource, Document document, Document parent) {
		requireSignedIn(caller);
		if (isAdmin(caller)) {
			return;
		}
		boolean owns = caller.isMemberOf(document.get("ownerGroup"));
		boolean allowed = switch (resource) {
			case DATASET -> false;
			case ORIG_DATABLOCK -> parent != null && (caller.isMemberOf(parent.get("ownerGroup"))
					|| caller.inAny(groups.createDatasetPrivilegedGroups()));
			case DATABLOCK -> parent != null && (caller.isMemberOf(parent.get("ownerGroup"))
					|| caller.inAny(groups.createDatasetPrivilegedGroups()));
			case SAMPLE -> caller.inAny(groups.samplePrivilegedGroups()) || owns && caller.inAny(groups.sampleGroups());
			case ATTACHMENT -> caller.inAny(groups.attachmentPrivilegedGroups())
					|| owns && caller.inAny(groups.attachmentGroups());
			case PROPOSAL -> caller.inAny(groups.proposalGroups());
			case PUBLISHED_DATA -> true;
			case INSTRUMENT, POLICY -> false;
		};
		if (!allowed) {
			throw Problems.forbidden("Unauthorized to create this " + name(resource));
		}
	}

	/** Checks a change to a stored document. */
	public void checkUpdate(Caller caller, Resource resource, Document existing) {
		requireSignedIn(caller);
		if (isAdmin(caller)) {
			return;
		}
		boolean owns = caller.isMemberOf(existing.get("ownerGroup"));
		boolean allowed = switch (resource) {
			case DATASET, ORIG_DATABLOCK -> owns;
			case DATABLOCK -> owns || caller.inAny(groups.updateDatasetLifecycleGroups());
			case SAMPLE -> owns && sampleWriter(caller);
			case ATTACHMENT -> owns;
			case PROPOSAL -> caller.inAny(groups.proposalGroups());
			case PUBLISHED_DATA -> caller.username().equals(existing.get("createdBy"));
			case INSTRUMENT, POLICY -> false;
		};
		if (!allowed) {
			throw Problems.forbidden("Unauthorized to update this " + name(resource));
		}
	}

	/**
	 * Checks that the caller may give a document it may change to another owner group: one of its own groups, or any
	 * group when it may create such documents for any group.
	 */
	public void checkNewOwnerGroup(Caller caller, Resource resource, Object group) {
		if (isAdmin(caller) || caller.isMemberOf(group)) {
			return;
		}
		boolean privileged = switch (resource) {
			case DATASET, ORIG_DATABLOCK, DATABLOCK -> caller.inAny(groups.createDatasetPrivilegedGroups());
			case SAMPLE -> caller.inAny(groups.samplePrivilegedGroups());
			case ATTACHMENT -> caller.inAny(groups.attachmentPrivilegedGroups());
			case PROPOSAL -> caller.inAny(groups.proposalGroups());
			case PUBLISHED_DATA, INSTRUMENT, POLICY -> false;
		};
		if (!privileged) {
			throw Problems.forbidden("Unauthorized to give this " + name(resource) + " to group " + group
					+ ": not a group of yours");
		}
	}

	/** Checks a change to a dataset's lifecycle (the archive system's part of the dataset). */
	public void checkUpdateLifecycle(Caller caller, Document dataset) {
		requireSignedIn(caller);
		if (!caller.inAny(groups.updateDatasetLifecycleGroups())) {
			checkUpdate(caller, Resource.DATASET, dataset);
		}
	}

	/**
	 * Checks a deletion. Samples, instruments and policies are deleted by the delete groups alone, administrators
	 * included only if they belong to one, and anyone else is refused with 403 whether signed in or not; file lists
	 * by the delete groups alone too, once signed in (SciCat's rules: the archive system removes what it archived).
	 */
	public void checkDelete(Caller caller, Resource resource, Document existing) {
		boolean deleter = caller.inAny(groups.deleteGroups());
		if (resource == Resource.SAMPLE || resource == Resource.INSTRUMENT || resource == Resource.POLICY) {
			if (!deleter) {
				throw Problems.forbidden("Unauthorized to delete this " + name(resource) + ": only DELETE_GROUPS may");
			}
			return;
		}
		requireSignedIn(caller);
		if (resource == Resource.ORIG_DATABLOCK || resource == Resource.DATABLOCK) {
			if (!deleter) {
				throw Problems.forbidden("Unauthorized to delete this " + name(resource) + ": only DELETE_GROUPS may");
			}
			return;
		}
		if (isAdmin(caller)) {
			return;
		}
		boolean allowed = switch (resource) {
			case DATASET, ORIG_DATABLOCK, DATABLOCK, PROPOSAL, SAMPLE, POLICY, INSTRUMENT -> deleter;
			case ATTACHMENT -> deleter || caller.isMemberOf(existing.get("ownerGroup"));
			case PUBLISHED_DATA -> deleter;
		};
		if (!allowed) {
			throw Problems.forbidden("Unauthorized to delete this " + name(resource));
		}
	}

	/**
	 * Checks what a caller does with an attachment of a sample or a proposal: SciCat judges those by the parent, with
	 * the sample and proposal group lists, not by the attachment's own owner group. Anonymous writers get 401.
	 */
	public void checkParentAttachment(Caller caller, Resource parent, Document owner, AttachmentUse use) {
		if (use != AttachmentUse.READ) {
			requireSignedIn(caller);
		}
		boolean owns = caller.isMemberOf(owner.get("ownerGroup"));
		boolean allowed = isAdmin(caller) || switch (parent) {
			case SAMPLE -> switch (use) {
				case READ -> canRead(caller, Resource.SAMPLE, owner);
				case CREATE -> caller.inAny(groups.samplePrivilegedGroups()) || owns && sampleWriter(caller);
				case UPDATE -> owns && sampleWriter(caller);
				case DELETE -> caller.inAny(groups.deleteGroups()) || owns && sampleWriter(caller);
			};
			case PROPOSAL -> switch (use) {
				case READ -> caller.inAny(groups.globalAccessGroups()) || Boolean.TRUE.equals(owner.get("isPublished"))
						|| isMember(caller, owner);
				case CREATE -> caller.inAny(groups.proposalGroups());
				case UPDATE, DELETE -> owns && caller.inAny(groups.proposalGroups());
			};
			default -> throw new IllegalArgumentException("attachments of a " + name(parent) + " follow their own rule");
		};
		if (!allowed) {
			throw Problems.forbidden("Unauthorized to " + use.name().toLowerCase() + " attachments of this " + name(parent));
		}
	}

	private boolean readsEverything(Caller caller, Resource resource) {
		if (isAdmin(caller) || caller.inAny(groups.globalAccessGroups())) {
			return true;
		}
		return switch (resource) {
			case DATASET, ORIG_DATABLOCK, DATABLOCK -> caller.inAny(groups.updateDatasetLifecycleGroups());
			case PROPOSAL -> caller.inAny(groups.proposalGroups());
			default -> false;
		};
	}

	/** Published data in a public state, and a signed-in caller's own drafts. */
	private static Document publishedOrMine(Caller caller) {
		var published = new Document("status", new Document("$in", PUBLIC_PUBLICATION_STATES));
		return caller.authenticated()
				? new Document("$or", List.of(published, new Document("createdBy", caller.username()))) : published;
	}

	/** Whether the caller may write samples at all: SAMPLE_PRIVILEGED_GROUPS or SAMPLE_GROUPS. */
	private boolean sampleWriter(Caller caller) {
		return caller.inAny(groups.samplePrivilegedGroups()) || caller.inAny(groups.sampleGroups());
	}

	private static Document memberRule(Caller caller, boolean sharedWith, boolean published) {
		var anyOf = new ArrayList<Document>();
		var mine = List.copyOf(caller.groups());
		anyOf.add(new Document("ownerGroup", new Document("$in", mine)));
		anyOf.add(new Document("accessGroups", new Document("$in", mine)));
		if (published) {
			anyOf.add(new Document("isPublished", true));
		}
		if (sharedWith && caller.email() != null) {
			anyOf.add(new Document("sharedWith", caller.email()));
		}
		return new Document("$or", anyOf);
	}

	private static boolean isMember(Caller caller, Document document) {
		return caller.isMemberOf(document.get("ownerGroup"))
				|| asList(document.get("accessGroups")).stream().anyMatch(caller::isMemberOf);
	}

	private static Document nothing() {
		return new Document("_id", new Document("$in", List.of()));
	}

	private static Collection<?> asList(Object value) {
		return value instanceof Collection<?> list ? list : List.of();
	}

	private static void requireSignedIn(Caller caller) {
		if (!caller.authenticated()) {
			throw Problems.unauthorized();
		}
	}

	private static String name(Resource resource) {
		return resource.name().toLowerCase().replace('_', ' ');
	}

}
