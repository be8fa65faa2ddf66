package io.catalog.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in token issuer for narrow token-validation tests only: a discovery document and a key set served on a
 * random loopback port, and RS256 access tokens signed with that key (or with a stranger's). Keycloak itself is
 * exercised by the tests tagged {@code keycloak}.
 */
public final class FakeIssuer {

	private static FakeIssuer instance;

	private final RSAKey key;

	private final String issuer;

	private FakeIssuer() throws IOException, JOSEException {
		this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
		var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/fake";
		var discovery = "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/certs\",\"authorization_endpoint\":\""
				+ issuer + "/auth\",\"token_endpoint\":\"" + issuer + "/token\",\"subject_types_supported\":[\"public\"],"
				+ "\"response_types_supported\":[\"code\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
		var jwks = new JWKSet(key.toPublicJWK()).toString();
		server.createContext("/realms/fake/.well-known/openid-configuration", exchange -> answer(exchange, discovery));
		server.createContext("/realms/fake/certs", exchange -> answer(exchange, jwks));
		server.setExecutor(null);
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
	}

	public static synchronized FakeIssuer get() {
		if (instance == null) {
			try {
				instance = new FakeIssuer();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return instance;
	}

	public String issuer() {
		return issuer;
	}

	/** Claims of a valid access token for the user, for the audience, with the groups; change them to break it. */
	public JWTClaimsSet.Builder claims(String username, String audience, Object groups) {
		var now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(issuer).subject(UUID.randomUUID().toString()).audience(audience)
			.issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
			.claim("preferred_username", username).claim("email", username + "@idp.test").claim("groups", groups);
	}

	/** The claims signed with the issuer's key. */
	public String sign(JWTClaimsSet claims) {
		return sign(claims, key);
	}

	/** The claims signed with a key the issuer never published. */
	public String signWithStrangerKey(JWTClaimsSet claims) {
		try {
			return sign(claims, new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String sign(JWTClaimsSet claims, RSAKey signingKey) {
		try {
			var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims);
			jwt.sign(new RSASSASigner(signingKey));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void answer(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
		var bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		try (var out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
