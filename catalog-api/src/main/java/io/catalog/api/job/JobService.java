package io.catalog.api.job;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import io.catalog.api.access.Caller;
import io.catalog.api.access.Resource;
import io.catalog.api.dataset.Datasets;
import io.catalog.api.document.Catalog;
import io.catalog.api.document.InvalidInputException;
import io.catalog.api.document.Schema;
import io.catalog.api.document.Stamps;
import io.catalog.api.event.Events;
import io.catalog.api.history.History;
import io.catalog.api.web.Problems;

/**
 * Creates and moves jobs: the type's auth rules and actions, the archive and retrieve preconditions on every
 * dataset, the status state machine, and the status history kept in the job ({@code statusHistory}).
 */
@Service
class JobService {

	private final Catalog catalog;

	private final JobTypes types;

	private final JobPolicy policy;

	private final JobProperties properties;

	private final History history;

	private final Events events;

	JobService(Catalog catalog, JobTypes types, JobPolicy policy, JobProperties properties, History history,
			Events events) {
		this.catalog = catalog;
		this.types = types;
		this.policy = policy;
		this.properties = properties;
		this.history = history;
		this.events = events;
	}

	Mono<Document> create(Map<String, Object> body, Caller caller) {
		return Mono.fromSupplier(() -> newJob(body, caller)).flatMap(job -> {
			var type = types.get(job.getString("type"));
			var datasetList = job.get("jobParams", Document.class).getList("datasetList", Document.class, List.of());
			return Flux.fromIterable(datasetList).concatMap(entry -> dataset(entry, caller)).collectList()
				.flatMap(datasets -> {
					checkLifecycle(type.name(), datasets);
					policy.checkCreate(caller, type, datasets, job);
					checkOwners(caller, job);
					type.create().actions().forEach(action -> action.validate(job));
					Stamps.requireStorable(Stamps.created(job, caller), "keep jobParams small");
					return withMessages(type.create(), job.get("_id"), catalog.store().insert(Jobs.KIND, job));
				})
				.flatMap(created -> perform(type.create(), created));
		});
	}

	Mono<Document> patch(String id, Map<String, Object> body, Caller caller) {
		return catalog.existing(Jobs.KIND, id).flatMap(before -> {
			var type = types.get(before.getString("type"));
			policy.checkUpdate(caller, type, before);
			var fields = Jobs.UPDATE.read(body, Schema.Mode.UPDATE);
			var v3Status = fields.remove("jobStatusMessage");
			if (v3Status != null && !fields.containsKey("statusCode")) {
				fields.put("statusCode", v3Status);
			}
			var request = new Document(before);
			request.putAll(fields);
			type.update().actions().forEach(action -> action.validate(request));
			var update = new Document("$set", Stamps.updated(fields, caller));
			if (fields.get("statusCode") instanceof String code) {
				JobStatus.checkMove(before.getString("statusCode"), code);
				update.append("$push", new Document("statusHistory", status(code,
						fields.getString("statusMessage"), caller)));
			}
			var previous = new Document();
			fields.keySet().forEach(key -> previous.put(key, before.get(key)));
			return withMessages(type.update(), id, catalog.store().update(Jobs.KIND, id, update))
				.flatMap(after -> history.record("Job", "update", new Document("_id", id).append("fields", previous),
						new Document("_id", id).append("fields", fields), caller).thenReturn(after))
				.flatMap(after -> perform(type.update(), after));
		});
	}

	Mono<Document> delete(String id, Caller caller) {
		return catalog.existing(Jobs.KIND, id).flatMap(before -> {
			policy.checkDelete(caller);
			return catalog.store().delete(Jobs.KIND, id)
				.flatMap(deleted -> history.record("Job", "delete", deleted, null, caller).thenReturn(deleted));
		});
	}

	/** The job to store from a v3 or v4 body: v3's top-level fields move to their v4 places. */
	private Document newJob(Map<String, Object> body, Caller caller) {
		var fields = Jobs.CREATE.read(body, Schema.Mode.CREATE);
		types.get(fields.getString("type"));
		var params = fields.get("jobParams") instanceof Document given ? given : new Document();
		var datasets = fields.get("datasetList") != null ? fields.get("datasetList") : params.get("datasetList");
		params.put("datasetList", datasets == null ? List.of() : datasets);
		var contact = fields.get("contactEmail") != null ? fields.get("contactEmail") : fields.get("emailJobInitiator");
		var message = fields.get("jobStatusMessage") != null ? fields.getString("jobStatusMessage")
				: properties.defaultStatusMessage();
		return new Document("_id", UUID.randomUUID().toString())
			.append("type", fields.get("type"))
			.append("ownerUser", fields.get("ownerUser") != null ? fields.get("ownerUser") : caller.username())
			.append("ownerGroup", fields.get("ownerGroup"))
			.append("contactEmail", contact != null ? contact : caller.email())
			.append("statusCode", properties.defaultStatusCode())
			.append("statusMessage", message)
			.append("jobParams", params)
			.append("jobResultObject", fields.get("jobResultObject") != null ? fields.get("jobResultObject") : new Document())
			.append("statusHistory", new ArrayList<>(List.of(status(properties.defaultStatusCode(), message, caller))));
	}

	/** The dataset a job names: 400 when it does not exist, 403 when the caller may not read it. */
	private Mono<Document> dataset(Document entry, Caller caller) {
		if (!(entry.get("pid") instanceof String pid)) {
			return Mono.error(new InvalidInputException("jobParams.datasetList", "each entry needs a pid"));
		}
		return catalog.store().get(Datasets.KIND, pid)
			.switchIfEmpty(Mono.error(() -> new InvalidInputException("jobParams.datasetList",
					"dataset " + pid + " does not exist")))
			.doOnNext(dataset -> catalog.policy().checkRead(caller, Resource.DATASET, dataset));
	}

	/** Archive needs every dataset archivable, retrieve every dataset retrievable (409 naming the others). */
	private static void checkLifecycle(String type, List<Document> datasets) {
		var flag = "archive".equals(type) ? "archivable" : "retrieve".equals(type) ? "retrievable" : null;
		if (flag == null) {
			return;
		}
		var refused = datasets.stream()
			.filter(d -> !(d.get("datasetlifecycle") instanceof Document lifecycle && Boolean.TRUE.equals(lifecycle.get(flag))))
			.map(d -> d.get("_id")).toList();
		if (!refused.isEmpty()) {
			throw Problems.conflict("these datasets are not " + flag + ": " + refused);
		}
	}

	/** Only the privileged may create a job for someone else or a group they are not in. */
	private void checkOwners(Caller caller, Document job) {
		if (catalog.policy().isAdmin(caller) || caller.inAny(properties.createJobPrivilegedGroups())) {
			return;
		}
		if (job.get("ownerUser") != null && !job.get("ownerUser").equals(caller.username())) {
			throw Problems.forbidden("only privileged groups may create jobs for another user");
		}
		if (job.get("ownerGroup") != null && !caller.isMemberOf(job.get("ownerGroup"))) {
			throw Problems.forbidden("ownerGroup must be one of your groups");
		}
	}

	private static Document status(String code, String message, Caller caller) {
		return new Document("statusCode", code).append("statusMessage", message)
			.append("updatedAt", new Date()).append("updatedBy", caller.username());
	}

	/** Makes the write with the step's messages to Kafka noted before it, sent after it, dropped if it fails. */
	private Mono<Document> withMessages(JobType.Step step, Object id, Mono<Document> write) {
		return Flux.fromIterable(step.actions()).mapNotNull(JobType.Action::topic)
			.concatMap(topic -> events.prepare(topic, "Job", id, "UPDATE")).collectList()
			.flatMap(notes -> write
				.onErrorResume(ex -> events.abandon(notes).then(Mono.error(ex)))
				.switchIfEmpty(Mono.defer(() -> events.abandon(notes).then(Mono.empty())))
				.flatMap(job -> events.confirm(notes, new Document(Jobs.toJson(job, false))).thenReturn(job)));
	}

	private static Mono<Document> perform(JobType.Step step, Document job) {
		var json = Jobs.toJson(job, false);
		return Flux.fromIterable(step.actions()).concatMap(action -> action.perform(json)).then(Mono.just(job));
	}

}
