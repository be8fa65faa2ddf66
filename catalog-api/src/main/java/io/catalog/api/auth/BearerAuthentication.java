package io.catalog.api.auth;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

import io.catalog.api.access.Caller;
import io.catalog.api.access.CallerAuthentication;

/**
 * Picks the verifier for a bearer credential by its form: an API token by its prefix, a JWT by its issuer (the
 * catalog's own HS256 tokens, or the OIDC realm's access tokens checked against the realm's keys and the audience).
 * Every path ends in a {@link CallerAuthentication}; anything else is a 401.
 */
final class BearerAuthentication implements ReactiveAuthenticationManagerResolver<ServerWebExchange> {

	private final ReactiveAuthenticationManager apiTokenManager;

	private final JwtIssuerReactiveAuthenticationManagerResolver jwts;

	private final VerifiedJwts verified = new VerifiedJwts(Clock.systemUTC());

	BearerAuthentication(Tokens tokens, ApiTokens apiTokens, OidcProperties oidc) {
		var byIssuer = new HashMap<String, Mono<ReactiveAuthenticationManager>>();
		byIssuer.put(Tokens.ISSUER, Mono.just(jwtManager(tokens.decoder(), "catalog", Tokens::caller)));
		if (oidc.enabled()) {
			var claims = new OidcClaims(oidc);
			byIssuer.put(oidc.issuer(), Mono.just(jwtManager(oidcDecoder(oidc), "oidc", jwt -> claims.caller(jwt.getClaims()))));
		}
		var jwts = new JwtIssuerReactiveAuthenticationManagerResolver(
				issuer -> byIssuer.getOrDefault(issuer, Mono.empty()));
		ReactiveAuthenticationManager apiTokenManager = authentication -> apiTokens
			.authenticate(((BearerTokenAuthenticationToken) authentication).getToken())
			.<Authentication>map(caller -> new CallerAuthentication(caller, "api-token"))
			.switchIfEmpty(Mono.error(() -> new InvalidBearerTokenException("unknown, expired or revoked API token")));
		this.apiTokenManager = apiTokenManager;
		this.jwts = jwts;
	}

	/**
	 * Reads the bearer credential as Spring does, except that a header of {@code Bearer} and nothing else is no
	 * credential at all: SciCat's frontend sends it on every request of an anonymous visitor, and SciCat serves
	 * those as anonymous. A credential that is there but not valid stays a 401.
	 */
	static ServerAuthenticationConverter credentials() {
		var standard = new ServerBearerTokenAuthenticationConverter();
		return exchange -> {
			var header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
			return header != null && header.strip().equalsIgnoreCase("bearer") ? Mono.empty() : standard.convert(exchange);
		};
	}

	@Override
	public Mono<ReactiveAuthenticationManager> resolve(ServerWebExchange exchange) {
		return Mono.just(authentication -> {
			if (authentication instanceof BearerTokenAuthenticationToken bearer
					&& bearer.getToken().startsWith(ApiTokens.PREFIX)) {
				return apiTokenManager.authenticate(authentication);
			}
			var known = authentication instanceof BearerTokenAuthenticationToken bearer ? verified.get(bearer.getToken()) : null;
			if (known != null) {
				return Mono.just(known);
			}
			return jwts.resolve(exchange).flatMap(jwtManager -> jwtManager.authenticate(authentication));
		});
	}

	private ReactiveAuthenticationManager jwtManager(ReactiveJwtDecoder decoder, String kind,
			Function<Jwt, Caller> callers) {
		var manager = new JwtReactiveAuthenticationManager(decoder);
		manager.setJwtAuthenticationConverter(
				jwt -> Mono.just(verified.put(jwt, new CallerAuthentication(callers.apply(jwt), kind))));
		return manager;
	}

	/** The realm's keys are fetched from its discovery document on first use, so the catalog starts without it. */
	private static ReactiveJwtDecoder oidcDecoder(OidcProperties oidc) {
		var decoder = NimbusReactiveJwtDecoder.withIssuerLocation(oidc.issuer()).build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(oidc.issuer()),
				audience(oidc.audience())));
		return decoder;
	}

	private static OAuth2TokenValidator<Jwt> audience(String audience) {
		var error = new OAuth2Error("invalid_token", "the token is not meant for " + audience, null);
		return jwt -> {
			List<String> audiences = jwt.getAudience();
			return audiences != null && audiences.contains(audience) ? OAuth2TokenValidatorResult.success()
					: OAuth2TokenValidatorResult.failure(error);
		};
	}

}
