package io.catalog.api.job;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * One configured job type: who may create and update its jobs, and what happens then.
 *
 * @param name the {@code jobType} (the job's {@code type})
 * @param configVersion the configuration's {@code configVersion}, kept in each job created with it
 * @param create who may create and the actions on create
 * @param update who may update and the actions on update
 */
record JobType(String name, String configVersion, Step create, Step update) {

	/**
	 * Who may take a step, and its actions in order.
	 *
	 * @param auth any of these rules lets the caller through ({@code #all}, {@code #authenticated},
	 * {@code #datasetPublic}, {@code #datasetAccess}, {@code #datasetOwner}, {@code #jobOwnerUser},
	 * {@code #jobOwnerGroup}, {@code #jobAdmin}, {@code @group}, or a user name)
	 * @param actions what runs, in order
	 */
	record Step(List<String> auth, List<Action> actions) {

		/** Whether the step's rules are only dataset rules ({@code #datasetPublic}, {@code #datasetAccess}, ...). */
		boolean datasetRule() {
			return !auth.isEmpty() && auth.stream().allMatch(rule -> rule.startsWith("#dataset"));
		}

		/** Runs every action's check, in order; the first refusal stops the request. */
		Mono<Void> validate(JobContext context) {
			return reactor.core.publisher.Flux.fromIterable(actions).concatMap(action -> action.validate(context)).then();
		}

		/** Runs every action after the write, in order. */
		Mono<Void> perform(JobContext context) {
			return reactor.core.publisher.Flux.fromIterable(actions).concatMap(action -> action.perform(context)).then();
		}

	}

	/** Something a job type does on create or update. */
	interface Action {

		/** Checks the request before anything is written; an error refuses it. */
		default Mono<Void> validate(JobContext context) {
			return Mono.empty();
		}

		/**
		 * The topic this action sends the job to, or null: its message is noted before the job is written and
		 * sent after, so that no crash in between loses it.
		 */
		default String topic() {
			return null;
		}

		/** Runs after the job was written; the context holds the job as the API shows it. */
		default Mono<Void> perform(JobContext context) {
			return Mono.empty();
		}

	}

}
