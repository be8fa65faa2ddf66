package io.catalog.api.job;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;

import io.catalog.api.web.Problems;

/**
 * The known job statuses and the moves between them. SciCat keeps free strings, and so does the catalog for
 * statuses of its own that a facility's archive system reports ({@code "finished"}, {@code "custom_message"});
 * a move between two known statuses that the machine does not allow is 409. A job may finish without passing
 * through {@code inProgress} (a quick job; SciCat's clients do so); a status may repeat itself to carry a new message;
 * finished and cancelled jobs stay so.
 */
final class JobStatus {

	static final String CREATED = "jobCreated";

	static final Map<String, Set<String>> NEXT = Map.of(
			CREATED, Set.of("jobSubmitted", "jobForwarded", "inProgress", "jobCancelled", "finishedSuccessful",
					"finishedUnsuccessful", "finishedWithDatasetErrors"),
			"jobSubmitted", Set.of("jobForwarded", "inProgress", "jobCancelled", "finishedSuccessful",
					"finishedUnsuccessful", "finishedWithDatasetErrors"),
			"jobForwarded", Set.of("inProgress", "jobCancelled", "finishedSuccessful", "finishedUnsuccessful",
					"finishedWithDatasetErrors"),
			"inProgress", Set.of("finishedSuccessful", "finishedUnsuccessful", "finishedWithDatasetErrors",
					"jobCancelled"),
			"finishedSuccessful", Set.of(), "finishedUnsuccessful", Set.of(), "finishedWithDatasetErrors", Set.of(),
			"jobCancelled", Set.of());

	private JobStatus() {
	}

	static List<String> known() {
		return NEXT.keySet().stream().sorted().toList();
	}

	/** Refuses a move between known statuses that the machine does not allow (409); other statuses are free. */
	static void checkMove(String from, String to) {
		if (to == null || to.isBlank()) {
			throw Problems.of(HttpStatus.BAD_REQUEST, "statusCode must not be empty");
		}
		if (!NEXT.containsKey(to) || from == null || !NEXT.containsKey(from)) {
			return;
		}
		if (to.equals(from) && !NEXT.getOrDefault(from, Set.of()).isEmpty()) {
			return;
		}
		if (!NEXT.get(from).contains(to)) {
			throw Problems.conflict("a job cannot move from " + from + " to " + to
					+ (NEXT.get(from).isEmpty() ? ": " + from + " is final" : "; it may move to " + NEXT.get(from)));
		}
	}

}
