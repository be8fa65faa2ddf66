package io.catalog.api.job;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;

import io.catalog.api.web.Problems;

/**
 * The known job statuses and the moves between them (SciCat keeps free strings; here a move the machine does
 * not know is 409). A status may repeat itself to carry a new message; finished and cancelled jobs stay so.
 */
final class JobStatus {

	static final String CREATED = "jobCreated";

	static final Map<String, Set<String>> NEXT = Map.of(
			CREATED, Set.of("jobSubmitted", "jobForwarded", "inProgress", "jobCancelled", "finishedUnsuccessful"),
			"jobSubmitted", Set.of("jobForwarded", "inProgress", "jobCancelled", "finishedUnsuccessful"),
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

	/** Refuses an unknown status with 400 and a move the machine does not allow with 409. */
	static void checkMove(String from, String to) {
		if (!NEXT.containsKey(to)) {
			throw Problems.of(HttpStatus.BAD_REQUEST, "statusCode " + to + " is unknown; known: " + known());
		}
		if (to.equals(from) && !NEXT.getOrDefault(from, Set.of()).isEmpty()) {
			return;
		}
		if (NEXT.containsKey(from) && !NEXT.get(from).contains(to)) {
			throw Problems.conflict("a job cannot move from " + from + " to " + to
					+ (NEXT.get(from).isEmpty() ? ": " + from + " is final" : "; it may move to " + NEXT.get(from)));
		}
	}

}
