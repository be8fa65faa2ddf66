package io.catalog.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import io.catalog.api.access.Caller;

/** Issues and verifies the catalog's own HS256 tokens, signed with {@code JWT_SECRET}. */
final class Tokens {

	/** The issuer of catalog tokens, which tells them apart from an identity provider's. */
	static final String ISSUER = "urn:catalog-api";

	/** The subject and claim of a token that stands for no one: it reads what anonymous callers read. */
	private static final String ANONYMOUS = "anonymous";

	private static final Logger log = LoggerFactory.getLogger(Tokens.class);

	private final SecretKey key;

	private final NimbusJwtEncoder encoder;

	private final long lifetimeSeconds;

	Tokens(AuthProperties properties) {
		this.key = key(properties.jwtSecret());
		this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
		this.lifetimeSeconds = properties.jwtExpiresIn().toSeconds();
	}

	/** A signed token for the caller. */
	Issued issue(Caller caller) {
		return issue(caller, Duration.ofSeconds(lifetimeSeconds));
	}

	/** A signed token for the caller that lives as long as given; an anonymous caller's token stays anonymous. */
	Issued issue(Caller caller, Duration lifetime) {
		var now = Instant.now();
		var expires = now.plus(lifetime);
		// a token minted already expired (an admin testing a client's sign-in again) was issued before it expired
		var claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.issuedAt(lifetime.isNegative() ? expires.minusSeconds(1) : now)
			.expiresAt(expires);
		if (!caller.authenticated()) {
			claims.subject(ANONYMOUS).claim(ANONYMOUS, true);
		}
		else {
			claims.subject(caller.username())
				.claim("username", caller.username())
				.claim("groups", List.copyOf(caller.groups()));
		}
		if (caller.email() != null) {
			claims.claim("email", caller.email());
		}
		var jwt = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()));
		return new Issued(jwt.getTokenValue(), now, lifetime.toSeconds());
	}

	/** How long a token lives unless told otherwise ({@code JWT_EXPIRES_IN}). */
	Duration lifetime() {
		return Duration.ofSeconds(lifetimeSeconds);
	}

	/**
	 * Verifies the catalog's own tokens: its issuer, and its expiry without the minute of clock skew allowed to
	 * tokens from elsewhere, since the clock that wrote the expiry is the one that reads it.
	 */
	ReactiveJwtDecoder decoder() {
		var decoder = NimbusReactiveJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(Duration.ZERO),
				new JwtIssuerValidator(ISSUER)));
		return decoder;
	}

	/** The caller a verified catalog token stands for. */
	static Caller caller(Jwt jwt) {
		if (Boolean.TRUE.equals(jwt.getClaimAsBoolean(ANONYMOUS))) {
			return Caller.ANONYMOUS;
		}
		List<String> groups = jwt.hasClaim("groups") ? jwt.getClaimAsStringList("groups") : List.of();
		var username = jwt.hasClaim("username") ? jwt.getClaimAsString("username") : jwt.getSubject();
		return Caller.of(username, jwt.getClaimAsString("email"), groups);
	}

	/** A token and when it was made. */
	record Issued(String value, Instant created, long expiresIn) {
	}

	private static SecretKey key(String secret) {
		byte[] bytes;
		if (secret == null || secret.isBlank()) {
			log.warn("JWT_SECRET is not set: tokens are signed with a random key and end when the service stops");
			bytes = new byte[32];
			new SecureRandom().nextBytes(bytes);
		}
		else {
			bytes = secret.getBytes(StandardCharsets.UTF_8);
			if (bytes.length < 32) {
				log.warn("JWT_SECRET is shorter than 256 bits: the signing key is derived from it with SHA-256");
				bytes = sha256(bytes);
			}
		}
		return new SecretKeySpec(bytes, "HmacSHA256");
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
