package io.catalog.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.TestAccounts;

/**
 * Failed sign-ins slow an attacker down without locking anyone else out: per account and address, per address
 * (behind a trusted reverse proxy, the address it forwards), checked and counted in one step.
 */
class AuthControllerThrottleTest extends CatalogTest {

	/** Signs in over HTTP through the loopback address, which the tests' catalog trusts as a reverse proxy. */
	private int login(String from, String username, String password) {
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(60))
			.build().post().uri("/api/v3/auth/login").header("X-Forwarded-For", from)
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("username", username, "password", password))
			.exchange().returnResult(String.class).getStatus().value();
	}

	@LocalServerPort
	int port;

	@Test
	void anAttackFromElsewhereDoesNotLockTheOwnerOut() {
		for (int i = 0; i < 8; i++) {
			assertThat(login("10.9.9.9", "user3", "guess-" + i)).isIn(401, 429);
		}
		assertThat(login("10.1.1.1", "user3", TestAccounts.password("user3"))).isEqualTo(201);
	}

	@Test
	void oneAddressBehindTheProxyIsRefusedAloneNotEveryoneBehindIt() {
		for (int i = 0; i < 50; i++) {
			assertThat(login("10.7.7.7", "nobody-" + i, "guess")).isEqualTo(401);
		}
		assertThat(login("10.7.7.7", "nobody-50", "guess")).isEqualTo(429);
		assertThat(login("10.7.7.7", "user2", TestAccounts.password("user2"))).isEqualTo(429);
		assertThat(login("10.1.1.2", "user2", TestAccounts.password("user2"))).isEqualTo(201);
	}

	@Test
	void parallelAttemptsGetNoMoreThroughThanTheLimit() throws Exception {
		int parallel = 60;
		var pool = Executors.newFixedThreadPool(parallel);
		try {
			var start = new CyclicBarrier(parallel);
			var answers = new ArrayList<Future<Integer>>();
			for (int i = 0; i < parallel; i++) {
				var username = "nobody-" + UUID.randomUUID();
				answers.add(pool.submit(() -> {
					start.await();
					return login("10.6.6.6", username, "guess");
				}));
			}
			int failed = 0;
			int refused = 0;
			for (var answer : answers) {
				int status = answer.get(120, TimeUnit.SECONDS);
				failed += status == 401 ? 1 : 0;
				refused += status == 429 ? 1 : 0;
			}
			assertThat(failed).isEqualTo(50);
			assertThat(refused).isEqualTo(parallel - 50);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
