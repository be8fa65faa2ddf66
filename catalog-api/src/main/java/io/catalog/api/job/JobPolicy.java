package io.catalog.api.job;

import java.util.List;
import java.util.Set;

import org.bson.Document;

import org.springframework.stereotype.Component;

import io.catalog.api.access.AccessPolicy;
import io.catalog.api.access.Caller;
import io.catalog.api.web.Problems;

/**
 * Who may create, read, update and delete jobs, as SciCat decides it: admins ({@code ADMIN_GROUPS}) may do all;
 * {@code CREATE_JOB_PRIVILEGED_GROUPS} may create and read any job; {@code UPDATE_JOB_PRIVILEGED_GROUPS} may update
 * and read any job; {@code DELETE_JOB_GROUPS} may delete; everyone else goes by the job type's {@code auth} rule
 * and reads the jobs of configured types that they or their groups own. A refusal is 403.
 */
@Component
class JobPolicy {

	static final Set<String> RULES = Set.of("#all", "#authenticated", "#datasetPublic", "#datasetAccess",
			"#datasetOwner", "#jobOwnerUser", "#jobOwnerGroup", "#jobAdmin");

	private static final Set<String> CREATE_RULES = Set.of("#all", "#authenticated", "#datasetPublic",
			"#datasetAccess", "#datasetOwner", "#jobAdmin");

	private static final Set<String> UPDATE_RULES = Set.of("#all", "#jobOwnerUser", "#jobOwnerGroup", "#jobAdmin");

	/** What kind of caller this is for jobs; the first that fits wins, as in SciCat. */
	enum Level {
		ANONYMOUS, ADMIN, CREATE_PRIVILEGED, UPDATE_PRIVILEGED, USER
	}

	private final AccessPolicy access;

	private final JobProperties properties;

	private final JobTypes types;

	JobPolicy(AccessPolicy access, JobProperties properties, JobTypes types) {
		this.access = access;
		this.properties = properties;
		this.types = types;
	}

	Level level(Caller caller) {
		if (!caller.authenticated()) {
			return Level.ANONYMOUS;
		}
		if (access.isAdmin(caller)) {
			return Level.ADMIN;
		}
		if (caller.inAny(properties.createJobPrivilegedGroups())) {
			return Level.CREATE_PRIVILEGED;
		}
		return caller.inAny(properties.updateJobPrivilegedGroups()) ? Level.UPDATE_PRIVILEGED : Level.USER;
	}

	/** Whether the caller may create jobs of some configured type at all (else 403 before anything else). */
	void checkCreateRoute(Caller caller) {
		boolean allowed = switch (level(caller)) {
			case ADMIN, CREATE_PRIVILEGED -> true;
			case UPDATE_PRIVILEGED -> false;
			case ANONYMOUS -> types.all().stream().anyMatch(t -> has(t.create(), "#all") || has(t.create(), "#datasetPublic"));
			case USER -> types.all().stream().anyMatch(t -> t.create().auth().stream()
				.anyMatch(rule -> CREATE_RULES.contains(rule) || names(caller, rule)));
		};
		if (!allowed) {
			throw Problems.forbidden("Forbidden resource: you may not create jobs");
		}
	}

	/** Whether the caller may update jobs of some configured type at all. */
	void checkUpdateRoute(Caller caller) {
		boolean allowed = switch (level(caller)) {
			case ADMIN, UPDATE_PRIVILEGED -> true;
			case CREATE_PRIVILEGED -> false;
			case ANONYMOUS -> types.all().stream().anyMatch(t -> has(t.update(), "#all"));
			case USER -> types.all().stream().anyMatch(t -> t.update().auth().stream()
				.anyMatch(rule -> UPDATE_RULES.contains(rule) || names(caller, rule)));
		};
		if (!allowed) {
			throw Problems.forbidden("Forbidden resource: you may not update jobs");
		}
	}

	void checkReadRoute(Caller caller) {
		if (!caller.authenticated()) {
			throw Problems.forbidden("Forbidden resource: sign in to read jobs");
		}
	}

	void checkDelete(Caller caller) {
		if (!caller.authenticated() || !caller.inAny(properties.deleteJobGroups())) {
			throw Problems.forbidden("Forbidden resource: only DELETE_JOB_GROUPS may delete jobs");
		}
	}

	/**
	 * Checks a new job: admins pass; the create-privileged pass when every dataset passed the type's dataset rule;
	 * others need the type's rule ({@code #jobAdmin} never lets them) and every dataset to pass its dataset rule.
	 */
	void checkCreate(Caller caller, JobType type, int datasetsRefused) {
		var level = level(caller);
		boolean allowed = level == Level.ADMIN
				|| level == Level.CREATE_PRIVILEGED && datasetsRefused == 0
				|| createsByRule(caller, type.create()) && datasetsRefused == 0 && !has(type.create(), "#jobAdmin");
		if (!allowed) {
			throw Problems.forbidden("Unauthorized to create this job.");
		}
	}

	private boolean createsByRule(Caller caller, JobType.Step step) {
		var level = level(caller);
		if (level == Level.ANONYMOUS) {
			return has(step, "#all") || has(step, "#datasetPublic");
		}
		return level == Level.USER
				&& step.auth().stream().anyMatch(rule -> CREATE_RULES.contains(rule) || names(caller, rule));
	}

	/** Checks an update: the update-privileged and admins pass; others need the type's update rule. */
	void checkUpdate(Caller caller, JobType type, Document job) {
		var level = level(caller);
		var step = type.update();
		boolean allowed = switch (level) {
			case ADMIN, UPDATE_PRIVILEGED -> true;
			case CREATE_PRIVILEGED -> false;
			case ANONYMOUS -> has(step, "#all") && job.get("ownerGroup") == null;
			case USER -> step.auth().stream().anyMatch(rule -> switch (rule) {
				case "#all" -> true;
				case "#jobOwnerUser" -> caller.username().equals(job.get("ownerUser"));
				case "#jobOwnerGroup" -> caller.isMemberOf(job.get("ownerGroup"));
				default -> names(caller, rule);
			});
		};
		if (!allowed) {
			throw Problems.forbidden("Unauthorized to update this job.");
		}
	}

	/** The condition a job read adds: nothing for admins and the job groups, else the caller's own jobs. */
	Document readRule(Caller caller) {
		return switch (level(caller)) {
			case ADMIN, CREATE_PRIVILEGED, UPDATE_PRIVILEGED -> new Document();
			case ANONYMOUS -> new Document("_id", new Document("$in", List.of()));
			case USER -> {
				var configured = new Document("$in", types.all().stream().map(JobType::name).toList());
				yield new Document("$or", List.of(
						new Document("ownerGroup", new Document("$in", List.copyOf(caller.groups()))).append("type", configured),
						new Document("ownerUser", caller.username()).append("type", configured)));
			}
		};
	}

	void checkRead(Caller caller, Document job) {
		boolean allowed = switch (level(caller)) {
			case ADMIN, CREATE_PRIVILEGED, UPDATE_PRIVILEGED -> true;
			case ANONYMOUS -> false;
			case USER -> caller.username().equals(job.get("ownerUser")) || caller.isMemberOf(job.get("ownerGroup"));
		};
		if (!allowed) {
			throw Problems.forbidden("Unauthorized to get this job.");
		}
	}

	/** Whether the rule names this caller: its user name, or {@code @group} for one of its groups. */
	private static boolean names(Caller caller, String rule) {
		return rule.startsWith("@") ? caller.isMemberOf(rule.substring(1)) : !rule.startsWith("#") && rule.equals(caller.username());
	}

	private static boolean has(JobType.Step step, String rule) {
		return step.auth().contains(rule);
	}

}
