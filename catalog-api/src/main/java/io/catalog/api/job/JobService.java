package io.catalog.api.job;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import io.catalog.api.access.Caller;
import io.catalog.api.dataset.Datasets;
import io.catalog.api.document.Catalog;
import io.catalog.api.document.Stamps;
import io.catalog.api.event.Events;
import io.catalog.api.history.History;
import io.catalog.api.schema.Schema;

/**
 * Creates, moves and deletes jobs as SciCat does: the route checks, the job drafted from the request
 * ({@link JobDrafts}), the type's rule, the type's actions checking the request before the write and acting after
 * it, and the status history kept in the job ({@code statusHistory}).
 */
@Service
class JobService {

	private final Catalog catalog;

	private final JobTypes types;

	private final JobPolicy policy;

	private final JobDrafts drafts;

	private final JobDatasets datasets;

	private final History history;

	private final Events events;

	JobService(Catalog catalog, JobTypes types, JobPolicy policy, JobDrafts drafts, JobDatasets datasets,
			History history, Events events) {
		this.catalog = catalog;
		this.types = types;
		this.policy = policy;
		this.drafts = drafts;
		this.datasets = datasets;
		this.history = history;
		this.events = events;
	}

	Mono<Document> create(Map<String, Object> body, Caller caller, boolean v3) {
		return Mono.defer(() -> {
			policy.checkCreateRoute(caller);
			var type = types.get(body.get("type") instanceof String name ? name : null);
			Mono<Map<String, Object>> v4 = v3 ? drafts.fromV3(Jobs.CREATE_V3.read(body, Schema.Mode.CREATE), caller, type)
					: Mono.just(body);
			return v4.flatMap(request -> {
				var fields = Jobs.CREATE.read(request, Schema.Mode.CREATE);
				JobEmails.check("contactEmail", fields.get("contactEmail"));
				return drafts.draft(fields, caller, type).flatMap(draft -> {
					policy.checkCreate(caller, type, draft.refused());
					var context = new JobContext(Jobs.toJson(fields), null, json(draft.datasets()), System.getenv());
					return type.create().validate(context).then(Mono.defer(() -> insert(type, draft.job(), caller)))
						.flatMap(created -> type.create().perform(context.withJob(Jobs.toJson(created))).thenReturn(created));
				});
			});
		});
	}

	private Mono<Document> insert(JobType type, Document job, Caller caller) {
		job.append("statusHistory", new ArrayList<>(List.of(status(job.getString("statusCode"),
				job.getString("statusMessage"), caller))));
		Stamps.requireStorable(Stamps.created(job, caller), "keep jobParams small");
		if (!caller.authenticated()) {
			job.put("createdBy", "anonymous");
			job.put("updatedBy", "anonymous");
		}
		return withMessages(type.create(), job.get("_id"), catalog.store().insert(Jobs.KIND, job));
	}

	Mono<Document> patch(String id, Map<String, Object> body, Caller caller, boolean v3, boolean mergePatch) {
		return Mono.defer(() -> {
			policy.checkUpdateRoute(caller);
			return catalog.store().get(Jobs.KIND, id)
				.switchIfEmpty(Mono.error(() -> JobProblems.badRequest("id", "Invalid job id.")))
				.flatMap(before -> update(before, body, caller, v3, mergePatch));
		});
	}

	private Mono<Document> update(Document before, Map<String, Object> body, Caller caller, boolean v3,
			boolean mergePatch) {
		var fields = v3 ? JobUpdates.fromV3(Jobs.UPDATE_V3.read(body, Schema.Mode.UPDATE), before)
				: Jobs.UPDATE.read(body, Schema.Mode.CREATE);
		var type = types.get(before.getString("type"));
		policy.checkUpdate(caller, type, before);
		return datasets.of(Jobs.datasetList(before)).flatMap(listed -> {
			var context = new JobContext(Jobs.toJson(fields), Jobs.toJson(before), json(listed), System.getenv());
			return type.update().validate(context).then(Mono.defer(() -> write(type, before, fields, caller, mergePatch)))
				.flatMap(after -> type.update().perform(context.withJob(Jobs.toJson(after))).thenReturn(after));
		});
	}

	private Mono<Document> write(JobType type, Document before, Document fields, Caller caller, boolean mergePatch) {
		var id = before.get("_id");
		var set = JobUpdates.changes(before, fields, mergePatch);
		var code = set.getString("statusCode");
		JobStatus.checkMove(before.getString("statusCode"), code);
		var update = new Document("$set", Stamps.updated(set, caller)).append("$push",
				new Document("statusHistory", status(code, set.getString("statusMessage"), caller)));
		var previous = new Document();
		set.keySet().forEach(key -> previous.put(key, before.get(key)));
		return withMessages(type.update(), id, catalog.store().update(Jobs.KIND, id, update))
			.flatMap(after -> history.record("Job", "update", new Document("_id", id).append("fields", previous),
					new Document("_id", id).append("fields", set), caller).thenReturn(after));
	}

	Mono<Document> delete(String id, Caller caller) {
		return Mono.defer(() -> {
			policy.checkDelete(caller);
			return catalog.store().get(Jobs.KIND, id)
				.switchIfEmpty(Mono.error(() -> JobProblems.badRequest("id", "Job id " + id + " doesn't exist.")))
				.flatMap(before -> catalog.store().delete(Jobs.KIND, id))
				.flatMap(deleted -> history.record("Job", "delete", deleted, null, caller).thenReturn(deleted));
		});
	}

	/** One job the caller may read: 400 when there is none (as SciCat answers), 403 when it is not theirs. */
	Mono<Document> readable(String id, Caller caller) {
		return Mono.defer(() -> {
			policy.checkReadRoute(caller);
			return catalog.store().get(Jobs.KIND, id)
				.switchIfEmpty(Mono.error(() -> JobProblems.badRequest("id", "Invalid job id.")))
				.doOnNext(job -> policy.checkRead(caller, job));
		});
	}

	private static List<Map<String, Object>> json(List<Document> found) {
		return found.stream().map(Datasets.KIND::toJson).toList();
	}

	private static Document status(String code, String message, Caller caller) {
		return new Document("statusCode", code).append("statusMessage", message)
			.append("updatedAt", new Date()).append("updatedBy", caller.authenticated() ? caller.username() : "anonymous");
	}

	/** Makes the write with the step's messages to Kafka noted before it, sent after it, dropped if it fails. */
	private Mono<Document> withMessages(JobType.Step step, Object id, Mono<Document> write) {
		return Flux.fromIterable(step.actions()).mapNotNull(JobType.Action::topic)
			.concatMap(topic -> events.prepare(topic, "Job", id, "UPDATE")).collectList()
			.flatMap(notes -> write
				.onErrorResume(ex -> events.abandon(notes).then(Mono.error(ex)))
				.switchIfEmpty(Mono.defer(() -> events.abandon(notes).then(Mono.empty())))
				.flatMap(job -> events.confirm(notes, new Document(Jobs.toJson(job))).thenReturn(job)));
	}

}
