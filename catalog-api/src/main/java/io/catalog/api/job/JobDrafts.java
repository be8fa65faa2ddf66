package io.catalog.api.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.catalog.api.access.Caller;
import io.catalog.api.access.AccountDirectory;
import io.catalog.api.user.UserDirectory;
import io.catalog.api.web.Problems;

/**
 * Turns a create request into the job to store, as SciCat does: v3 bodies mapped onto v4's, the owner user and
 * group each kind of caller may set (the privileged may create for others, everyone else for themselves and one
 * of their groups, the anonymous for nobody), and, for a type with a dataset rule, how many of the listed datasets
 * fail that rule for the job's owners.
 */
@Component
class JobDrafts {

	/** The job to store, the datasets it lists, and how many of them its type's dataset rule refuses. */
	record Draft(Document job, List<Document> datasets, int refused) {
	}

	private final JobPolicy policy;

	private final JobDatasets datasets;

	private final JobProperties properties;

	private final ObjectProvider<AccountDirectory> users;

	private final ObjectProvider<UserDirectory> identities;

	JobDrafts(JobPolicy policy, JobDatasets datasets, JobProperties properties, ObjectProvider<AccountDirectory> users,
			ObjectProvider<UserDirectory> identities) {
		this.policy = policy;
		this.datasets = datasets;
		this.properties = properties;
		this.users = users;
		this.identities = identities;
	}

	private Caller user(String name) {
		var directory = users.getIfAvailable();
		return directory == null ? null : directory.find(name).orElse(null);
	}

	/** A v3 create body as the v4 body SciCat maps it to (the owner group guessed from the datasets when not given). */
	Mono<Map<String, Object>> fromV3(Document v3, Caller caller, JobType type) {
		var params = new LinkedHashMap<String, Object>();
		params.put("datasetList", v3.get("datasetList") != null ? v3.get("datasetList") : List.of());
		if (v3.get("jobParams") instanceof Map<?, ?> given) {
			given.forEach((k, v) -> {
				if (!"datasetList".equals(k)) {
					params.put(String.valueOf(k), v);
				}
			});
		}
		putIfPresent(params, "executionTime", v3.get("executionTime"));
		putIfPresent(params, "jobStatusMessage", v3.get("jobStatusMessage"));
		var body = new LinkedHashMap<String, Object>();
		body.put("type", v3.get("type"));
		body.put("jobParams", params);
		var email = v3.get("emailJobInitiator") != null ? v3.get("emailJobInitiator") : caller.email();
		putIfPresent(body, "contactEmail", email);
		var jobUser = params.containsKey("username") ? named(String.valueOf(params.get("username")))
				: Mono.just(Optional.ofNullable(caller.authenticated() ? caller : null));
		return jobUser.flatMap(named -> {
			named.ifPresent(user -> body.put("ownerUser", user.username()));
			if (params.containsKey("ownerGroup")) {
				body.put("ownerGroup", params.get("ownerGroup"));
				return Mono.just(body);
			}
			if (!(params.get("datasetList") instanceof List<?> list) || type.create().auth().contains("#datasetPublic")) {
				return Mono.just(body);
			}
			return datasets.of(list).map(found -> {
				putIfPresent(body, "ownerGroup", guessGroup(type, found, named.orElse(null), list.size()));
				return body;
			});
		});
	}

	/**
	 * The user a v3 body names in {@code jobParams.username}, with the groups of its latest recorded identity (as
	 * SciCat reads them), else as its account says; empty for an unknown name.
	 */
	private Mono<Optional<Caller>> named(String username) {
		var directory = identities.getIfAvailable();
		var recorded = directory == null ? Mono.<Caller>empty() : directory.named(username);
		return recorded.map(Optional::of).switchIfEmpty(Mono.fromSupplier(() -> Optional.ofNullable(user(username))));
	}

	/**
	 * The owner group of a v3 job that names none, as SciCat guesses it: none unless the type's dataset rule lets the
	 * user reach every listed dataset; then, for {@code #datasetAccess} over published datasets only, the user's first
	 * group; else the owner group of the first unpublished dataset.
	 */
	private Object guessGroup(JobType type, List<Document> found, Caller jobUser, int listed) {
		var auth = type.create().auth();
		var userGroups = jobUser == null ? List.<String>of() : List.copyOf(jobUser.groups());
		Predicate<Document> reached = d -> true;
		if (auth.contains("#datasetOwner") && !(jobUser != null && policy.level(jobUser) == JobPolicy.Level.ADMIN)) {
			reached = d -> userGroups.contains(d.get("ownerGroup"));
		}
		else if (auth.contains("#datasetAccess")) {
			reached = d -> Boolean.TRUE.equals(d.get("isPublished")) || userGroups.contains(d.get("ownerGroup"))
					|| groupsIn(d).stream().anyMatch(userGroups::contains);
		}
		if (found.isEmpty() || found.size() != listed || !found.stream().allMatch(reached)) {
			return null;
		}
		var unpublished = found.stream().filter(d -> !Boolean.TRUE.equals(d.get("isPublished"))).toList();
		if (auth.contains("#datasetAccess") && unpublished.isEmpty()) {
			return userGroups.isEmpty() ? null : userGroups.get(0);
		}
		return unpublished.isEmpty() ? null : unpublished.get(0).get("ownerGroup");
	}

	/** The job a v4 create request makes, with its datasets checked; 400 for what SciCat refuses, 401 likewise. */
	Mono<Draft> draft(Document request, Caller caller, JobType type) {
		var params = new Document(request.get("jobParams", Document.class));
		var v3Status = params.remove("jobStatusMessage");
		var job = new Document("_id", UUID.randomUUID().toString()).append("type", type.name());
		putIfPresent(job, "contactEmail", request.get("contactEmail"));
		job.append("configVersion", type.configVersion()).append("accessGroups", List.of()).append("isPublished", false)
			.append("statusCode", v3Status instanceof String s && !s.isEmpty() ? s : properties.defaultStatusCode())
			.append("statusMessage", v3Status instanceof String s && !s.isEmpty() ? s : properties.defaultStatusMessage());
		var listed = params.containsKey("datasetList") ? datasets.checked(params.get("datasetList"))
				: Mono.just(List.<Document>of());
		return listed.map(found -> {
			var jobUser = owners(request, caller, job);
			job.append("jobParams", params).append("jobResultObject", new Document());
			int refused = 0;
			var rule = type.create().auth().stream().filter(r -> r.startsWith("#dataset")).findFirst();
			if (rule.isPresent()) {
				if (!params.containsKey("datasetList")) {
					throw JobProblems.badRequest("jobParams.datasetList", "Dataset ids list was not provided in jobParams");
				}
				var admin = policy.level(caller) == JobPolicy.Level.ADMIN;
				Predicate<Document> passes = admin ? d -> true : datasetRule(rule.get(), request, caller, jobUser);
				refused = (int) found.stream().filter(passes.negate()).count();
				if (refused > 0) {
					throw JobProblems.forbidden("jobParams.datasetList",
							"User does not have access to all datasets, cannot create job.");
				}
			}
			if (!caller.authenticated() && request.get("ownerGroup") != null) {
				throw JobProblems.forbidden("ownerGroup",
						"Invalid new job. Unauthenticated user cannot initiate a job owned by another user.");
			}
			return new Draft(job, found, refused);
		});
	}

	/** Sets the job's owner user, group and contact; answers the other user it is created for, if any. */
	private Caller owners(Document request, Caller caller, Document job) {
		if (!caller.authenticated()) {
			return null;
		}
		var ownerUser = request.getString("ownerUser");
		var ownerGroup = request.getString("ownerGroup");
		var level = policy.level(caller);
		if (level == JobPolicy.Level.ADMIN || level == JobPolicy.Level.CREATE_PRIVILEGED) {
			Caller jobUser = null;
			if (ownerUser != null) {
				jobUser = ownerUser.equals(caller.username()) ? null : user(ownerUser);
				job.put("ownerUser", jobUser != null ? jobUser.username() : caller.username());
			}
			putIfPresent(job, "ownerGroup", ownerGroup);
			if (ownerGroup == null && ownerUser == null && request.get("contactEmail") == null) {
				throw JobProblems.unprocessable("contactEmail", "Contact email should be specified for an anonymous job.");
			}
			var email = request.get("contactEmail") != null ? request.get("contactEmail")
					: jobUser != null && jobUser.email() != null ? jobUser.email() : caller.email();
			putIfPresent(job, "contactEmail", email);
			return jobUser;
		}
		if (ownerGroup == null) {
			throw JobProblems.forbidden("ownerGroup", "Invalid new job. Owner group should be specified.");
		}
		if (ownerUser != null && !ownerUser.equals(caller.username())) {
			throw JobProblems.forbidden("ownerUser", "Invalid new job. User owning the job should match user logged in.");
		}
		job.put("ownerUser", caller.username());
		putIfPresent(job, "contactEmail", request.get("contactEmail") != null ? request.get("contactEmail") : caller.email());
		if (!caller.isMemberOf(ownerGroup)) {
			throw JobProblems.forbidden("ownerGroup", "Invalid new job. User needs to belong to job owner group.");
		}
		job.put("ownerGroup", ownerGroup);
		return null;
	}

	/**
	 * Which datasets pass the type's dataset rule, as newer SciCat decides it: by the groups of whom the job is for
	 * (the privileged creator's named owner user, nobody's when none is named; everyone else's own groups).
	 * {@code #datasetOwner} needs an authenticated caller (401) and such groups (403).
	 */
	private Predicate<Document> datasetRule(String rule, Document request, Caller caller, Caller jobUser) {
		Predicate<Document> published = d -> Boolean.TRUE.equals(d.get("isPublished"));
		Set<String> groups;
		if (!caller.authenticated()) {
			groups = Set.of();
		}
		else if (policy.level(caller) == JobPolicy.Level.CREATE_PRIVILEGED) {
			var forSelf = caller.username().equals(request.getString("ownerUser"));
			groups = forSelf ? caller.groups() : jobUser == null ? Set.of() : jobUser.groups();
		}
		else {
			groups = caller.groups();
		}
		return switch (rule) {
			case "#datasetAccess" -> groups.isEmpty() ? published : published
				.or(d -> groups.contains(d.get("ownerGroup")) || groupsIn(d).stream().anyMatch(groups::contains));
			case "#datasetOwner" -> {
				if (!caller.authenticated()) {
					throw Problems.of(org.springframework.http.HttpStatus.UNAUTHORIZED, "User not authenticated");
				}
				if (groups.isEmpty()) {
					throw JobProblems.forbidden("ownerGroup",
							"User does not belong to any group, cannot create job with #datasetOwner authorization.");
				}
				yield d -> groups.contains(d.get("ownerGroup"));
			}
			default -> published;
		};
	}

	private static List<Object> groupsIn(Document dataset) {
		return dataset.getList("accessGroups", Object.class, List.of());
	}

	private static void putIfPresent(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

}
