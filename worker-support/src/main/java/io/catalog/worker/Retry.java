package io.catalog.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.catalog.sdk.CatalogException;

/**
 * Retries a step while the catalog or a store does not answer: no connection, 5xx, 408, 429, a 401 (after signing
 * in again), an I/O failure. Waits {@code delay}, doubled at each attempt up to {@code maxDelay}; after the last
 * attempt throws {@link UnavailableException}, and the job is left as it is, to be resumed.
 * A refusal (another 4xx) is thrown at once.
 */
public final class Retry {

	private static final Logger log = LoggerFactory.getLogger(Retry.class);

	private final int attempts;

	private final Duration delay;

	private final Duration maxDelay;

	private final Runnable signIn;

	public Retry(int attempts, Duration delay, Duration maxDelay, Runnable signIn) {
		this.attempts = Math.max(1, attempts);
		this.delay = delay;
		this.maxDelay = maxDelay;
		this.signIn = signIn;
	}

	/** Runs {@code step} until it succeeds, fails for good, or the attempts are used up. */
	public <T> T call(String what, Callable<T> step) {
		var wait = delay;
		for (int attempt = 1;; attempt++) {
			try {
				return step.call();
			}
			catch (Exception ex) {
				if (!isTransient(ex)) {
					throw ex instanceof RuntimeException runtime ? runtime
							: ex instanceof IOException io ? new UncheckedIOException(io) : new IllegalStateException(ex);
				}
				if (attempt >= attempts) {
					throw new UnavailableException(what + ": " + ex.getMessage(), ex);
				}
				log.warn("{} failed ({}); attempt {} of {} in {}", what, ex.getMessage(), attempt + 1, attempts, wait);
				if (ex instanceof CatalogException refused && refused.status() == 401) {
					signIn.run();
				}
				sleep(wait);
				wait = wait.multipliedBy(2).compareTo(maxDelay) > 0 ? maxDelay : wait.multipliedBy(2);
			}
		}
	}

	/** Runs a step that answers nothing. */
	public void run(String what, Step step) {
		call(what, () -> {
			step.run();
			return null;
		});
	}

	/** Whether a failure may go away by itself: the catalog or a store not answering. */
	public static boolean isTransient(Throwable failure) {
		if (failure instanceof UnavailableException) {
			return true;
		}
		if (failure instanceof CatalogException refused) {
			int status = refused.status();
			return status == 0 || status == 401 || status == 408 || status == 429 || status >= 500;
		}
		return failure instanceof IOException || failure instanceof UncheckedIOException;
	}

	private static void sleep(Duration wait) {
		try {
			Thread.sleep(wait.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UnavailableException("interrupted", ex);
		}
	}

	/** A step that may throw. */
	@FunctionalInterface
	public interface Step {

		void run() throws Exception;

	}

}
