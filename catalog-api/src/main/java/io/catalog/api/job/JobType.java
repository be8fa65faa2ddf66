package io.catalog.api.job;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * One configured job type: who may create and update its jobs, and what happens then.
 *
 * @param name the {@code jobType} (the job's {@code type})
 * @param create who may create and the actions on create
 * @param update who may update and the actions on update
 */
record JobType(String name, Step create, Step update) {

	/**
	 * Who may take a step, and its actions in order.
	 *
	 * @param auth any of these rules lets the caller through ({@code #all}, {@code #authenticated},
	 * {@code #datasetPublic}, {@code #datasetAccess}, {@code #datasetOwner}, {@code #jobOwnerUser},
	 * {@code #jobOwnerGroup}, {@code #jobAdmin}, {@code @group}, or a user name)
	 * @param actions what runs, in order
	 */
	record Step(List<String> auth, List<Action> actions) {
	}

	/** Something a job type does on create or update. */
	interface Action {

		/** Checks the request before anything is written; throws to refuse it. */
		default void validate(Map<String, Object> request) {
		}

		/**
		 * The topic this action sends the job to, or null: its message is noted before the job is written and
		 * sent after, so that no crash in between loses it.
		 */
		default String topic() {
			return null;
		}

		/** Runs after the job was written, with the job as the API shows it. */
		default Mono<Void> perform(Map<String, Object> job) {
			return Mono.empty();
		}

	}

}
