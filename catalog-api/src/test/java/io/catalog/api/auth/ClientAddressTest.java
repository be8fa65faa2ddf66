package io.catalog.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressTest {

	private final ClientAddress behindProxies = new ClientAddress(List.of("10.0.0.1", "192.168.0.0/16", "fd00::/8"));

	private static MockServerHttpRequest.BaseBuilder<?> from(String peer) {
		return MockServerHttpRequest.post("/api/v3/auth/login").remoteAddress(new InetSocketAddress(peer, 40000));
	}

	@Test
	void withoutTrustedProxiesThePeerIsTheClientWhateverTheHeadersSay() {
		var direct = new ClientAddress(List.of());
		assertThat(direct.of(from("10.0.0.1").header("X-Forwarded-For", "1.2.3.4").build())).isEqualTo("10.0.0.1");
	}

	@Test
	void anUntrustedPeersForwardedHeadersAreIgnored() {
		assertThat(behindProxies.of(from("10.0.0.2").header("X-Forwarded-For", "1.2.3.4").build())).isEqualTo("10.0.0.2");
	}

	@Test
	void behindTrustedProxiesTheNearestUntrustedHopIsTheClient() {
		var request = from("10.0.0.1").header("X-Forwarded-For", "6.6.6.6, 1.2.3.4, 192.168.4.4").build();
		assertThat(behindProxies.of(request)).isEqualTo("1.2.3.4");
		assertThat(behindProxies.of(from("10.0.0.1").header("Forwarded", "for=\"[2001:db8::7]:4711\", for=192.168.1.1")
			.build())).isEqualTo("2001:db8::7");
		assertThat(behindProxies.of(from("10.0.0.1").build())).isEqualTo("10.0.0.1");
	}

	@Test
	void loopbackProxiesForwardTheirClients() {
		var local = new ClientAddress(List.of("127.0.0.1", "::1"));
		assertThat(local.of(from("127.0.0.1").header("X-Forwarded-For", "10.9.9.9").build())).isEqualTo("10.9.9.9");
		assertThat(local.of(from("::1").header("X-Forwarded-For", "10.9.9.9").build())).isEqualTo("10.9.9.9");
	}

	@Test
	void garbageInTheHeaderIsSkippedAndNeverLookedUp() {
		var request = from("10.0.0.1").header("X-Forwarded-For", "evil.example, dead, 1.2.3.4").build();
		assertThat(behindProxies.of(request)).isEqualTo("1.2.3.4");
	}

	@Test
	void aProxyThatIsNoAddressStopsTheStart() {
		assertThatThrownBy(() -> new ClientAddress(List.of("proxy.example"))).hasMessageContaining("TRUSTED_PROXIES");
		assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33"))).hasMessageContaining("TRUSTED_PROXIES");
	}

}
