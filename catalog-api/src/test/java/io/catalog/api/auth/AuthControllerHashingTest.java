package io.catalog.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.TestAccounts;

/**
 * Password hashes are checked off the request threads: while eight clients sign in to a bcrypt-hashed account (more
 * than the server has event-loop threads), other requests are answered in a small part of the time a sign-in takes
 * (with the hashing on the request threads, each waited for a hash or two to be checked first).
 */
class AuthControllerHashingTest extends CatalogTest {

	@LocalServerPort
	int port;

	private long millis(Runnable request) {
		long start = System.nanoTime();
		request.run();
		return (System.nanoTime() - start) / 1_000_000;
	}

	private static long median(List<Long> values) {
		var sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	@Test
	void otherRequestsDoNotWaitForPasswordHashing() throws Exception {
		var body = Map.of("username", TestAccounts.HASHED, "password", TestAccounts.password(TestAccounts.HASHED));
		// over HTTP, so that requests are served by the server's event-loop threads
		var http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(120))
			.build();
		Runnable signIn = () -> http.post().uri("/api/v3/auth/login").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body).exchange().expectStatus().isCreated();
		Runnable read = () -> http.get().uri("/api/v3/instruments").exchange().expectStatus().isOk();
		read.run();
		int clients = 8;
		var pool = Executors.newFixedThreadPool(clients);
		var running = new AtomicBoolean(true);
		try {
			var signIns = Collections.synchronizedList(new ArrayList<Long>());
			var signingIn = new ArrayList<Future<?>>();
			for (int i = 0; i < clients; i++) {
				signingIn.add(pool.submit((Callable<Void>) () -> {
					while (running.get()) {
						signIns.add(millis(signIn));
					}
					return null;
				}));
			}
			while (signIns.size() < clients && signingIn.stream().noneMatch(Future::isDone)) {
				Thread.sleep(50);
			}
			var reads = new ArrayList<Long>();
			for (int i = 0; i < 15; i++) {
				reads.add(millis(read));
				Thread.sleep(20);
			}
			running.set(false);
			for (var client : signingIn) {
				client.get(120, TimeUnit.SECONDS);
			}
			assertThat(median(reads)).as("median read (ms) while signing in; sign-ins took %s", signIns)
				.isLessThan(median(signIns) / 8);
		}
		finally {
			running.set(false);
			pool.shutdownNow();
		}
	}

}
