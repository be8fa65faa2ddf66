package io.catalog.api.job;

import java.util.List;
import java.util.Set;

import org.bson.Document;

import org.springframework.stereotype.Component;

import io.catalog.api.access.AccessPolicy;
import io.catalog.api.access.Caller;
import io.catalog.api.access.Resource;
import io.catalog.api.web.Problems;

/**
 * Who may create, read, update and delete jobs: the job type's {@code auth} rules from the configuration,
 * SciCat's job group lists, and the dataset rules of {@link AccessPolicy} for the job's datasets. Admins and the
 * privileged groups pass every rule of their kind; a signed-out caller who is refused gets 401, others 403.
 */
@Component
class JobPolicy {

	static final Set<String> RULES = Set.of("#all", "#authenticated", "#datasetPublic", "#datasetAccess",
			"#datasetOwner", "#jobOwnerUser", "#jobOwnerGroup", "#jobAdmin");

	private final AccessPolicy access;

	private final JobProperties properties;

	JobPolicy(AccessPolicy access, JobProperties properties) {
		this.access = access;
		this.properties = properties;
	}

	/** Checks a new job of this type on these datasets (each already readable by the caller). */
	void checkCreate(Caller caller, JobType type, List<Document> datasets, Document job) {
		if (access.isAdmin(caller) || caller.inAny(properties.createJobPrivilegedGroups())) {
			return;
		}
		if (type.create().auth().stream().noneMatch(rule -> allows(rule, caller, datasets, job))) {
			throw refusal(caller, "Unauthorized to create a job of type " + type.name());
		}
	}

	void checkUpdate(Caller caller, JobType type, Document job) {
		if (access.isAdmin(caller) || caller.inAny(properties.updateJobPrivilegedGroups())) {
			return;
		}
		if (type.update().auth().stream().noneMatch(rule -> allows(rule, caller, List.of(), job))) {
			throw refusal(caller, "Unauthorized to update this job");
		}
	}

	void checkDelete(Caller caller) {
		if (!access.isAdmin(caller) && !caller.inAny(properties.deleteJobGroups())) {
			throw refusal(caller, "Unauthorized to delete this job");
		}
	}

	/** The condition a job read must add: empty for admins and job groups, else the caller's own jobs. */
	Document readRule(Caller caller) {
		if (readsAll(caller)) {
			return new Document();
		}
		if (!caller.authenticated()) {
			return new Document("_id", new Document("$in", List.of()));
		}
		return new Document("$or", List.of(new Document("ownerUser", caller.username()),
				new Document("ownerGroup", new Document("$in", List.copyOf(caller.groups())))));
	}

	void checkRead(Caller caller, Document job) {
		boolean mine = caller.authenticated() && (caller.username().equals(job.get("ownerUser"))
				|| caller.isMemberOf(job.get("ownerGroup")));
		if (!mine && !readsAll(caller)) {
			throw refusal(caller, "Unauthorized to read this job");
		}
	}

	private boolean readsAll(Caller caller) {
		return access.isAdmin(caller) || caller.inAny(properties.createJobPrivilegedGroups())
				|| caller.inAny(properties.updateJobPrivilegedGroups()) || caller.inAny(properties.deleteJobGroups());
	}

	private boolean allows(String rule, Caller caller, List<Document> datasets, Document job) {
		return switch (rule) {
			case "#all" -> true;
			case "#authenticated" -> caller.authenticated();
			case "#datasetPublic" -> datasets.stream().allMatch(d -> Boolean.TRUE.equals(d.get("isPublished")));
			case "#datasetAccess" -> caller.authenticated()
					&& datasets.stream().allMatch(d -> access.canRead(caller, Resource.DATASET, d));
			case "#datasetOwner" -> caller.authenticated()
					&& datasets.stream().allMatch(d -> caller.isMemberOf(d.get("ownerGroup")));
			case "#jobOwnerUser" -> caller.authenticated() && caller.username().equals(job.get("ownerUser"));
			case "#jobOwnerGroup" -> caller.isMemberOf(job.get("ownerGroup"));
			case "#jobAdmin" -> false;
			default -> rule.startsWith("@") ? caller.isMemberOf(rule.substring(1))
					: caller.authenticated() && caller.username().equals(rule);
		};
	}

	private static RuntimeException refusal(Caller caller, String detail) {
		return caller.authenticated() ? Problems.forbidden(detail) : Problems.unauthorized();
	}

}
