package io.catalog.launcher.job;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running Jupyter sessions' addresses with their tokens, kept only here: the catalog's job holds the address
 * without the token (a job is read by its owner group and travels in the catalog's events), and only the job's
 * owner gets the token, from {@link SessionController}. As many entries as sessions run (the launcher's concurrency).
 */
public final class Sessions {

	/**
	 * One running session.
	 *
	 * @param url its address with the token
	 * @param ownerUser the user the job is for (its creator when it names none), the only one given the address
	 */
	record Session(String url, String ownerUser) {
	}

	private final Map<String, Session> running = new ConcurrentHashMap<>();

	void put(String jobId, Session session) {
		running.put(jobId, session);
	}

	void remove(String jobId) {
		running.remove(jobId);
	}

	Optional<Session> find(String jobId) {
		return Optional.ofNullable(running.get(jobId));
	}

}
