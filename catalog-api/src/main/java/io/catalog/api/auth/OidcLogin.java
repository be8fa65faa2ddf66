package io.catalog.api.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.util.UriComponentsBuilder;

import io.catalog.api.user.UserDirectory;

/**
 * SciCat's browser sign-in through the identity provider, with Spring Security's OAuth2 client as the adapter:
 * {@code GET /api/v3/auth/oidc} sends the browser to the provider (code flow with PKCE), the provider sends it back
 * to {@code /api/v3/auth/oidc/callback}, and the catalog redirects it to {@code OIDC_SUCCESS_URL} with a catalog
 * token in {@code access-token} and the user in {@code user-id}, as SciCat does. The provider's discovery document is
 * read on first use, so the catalog starts while the provider is down.
 */
final class OidcLogin implements ReactiveClientRegistrationRepository {

	static final String REGISTRATION = "oidc";

	static final String START = "/api/v3/auth/oidc";

	static final String CALLBACK = "/api/v3/auth/oidc/callback";

	private static final Logger log = LoggerFactory.getLogger(OidcLogin.class);

	private final OidcProperties properties;

	private final OidcClaims claims;

	private final Tokens tokens;

	private final Mono<ClientRegistration> registration;

	private final ObjectMapper mapper;

	private final UserDirectory directory;

	OidcLogin(OidcProperties properties, Tokens tokens, ObjectMapper mapper, UserDirectory directory) {
		this.properties = properties;
		this.directory = directory;
		this.mapper = mapper;
		this.claims = new OidcClaims(properties);
		this.tokens = tokens;
		this.registration = Mono.fromCallable(this::discover)
			.subscribeOn(Schedulers.boundedElastic())
			.cache(value -> Duration.ofHours(1), error -> Duration.ZERO, () -> Duration.ZERO);
	}

	/** Whether the browser flow is configured: an issuer and a client. */
	boolean enabled() {
		return properties.enabled() && properties.clientId() != null && !properties.clientId().isBlank();
	}

	@Override
	public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
		return enabled() && REGISTRATION.equals(registrationId) ? registration : Mono.empty();
	}

	/** Adds the browser flow to the filter chain, when configured. */
	void configure(ServerHttpSecurity http) {
		if (!enabled()) {
			return;
		}
		ServerWebExchangeMatcher start = exchange -> new PathPatternParserServerWebExchangeMatcher(START).matches(exchange)
			.flatMap(match -> match.isMatch() ? ServerWebExchangeMatcher.MatchResult.match(Map.of("registrationId", REGISTRATION))
					: ServerWebExchangeMatcher.MatchResult.notMatch());
		var resolver = new DefaultServerOAuth2AuthorizationRequestResolver(this, start);
		resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		http.oauth2Login(login -> login.clientRegistrationRepository(this)
			.authorizationRequestResolver(resolver)
			.authenticationMatcher(new PathPatternParserServerWebExchangeMatcher(CALLBACK))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.authenticationSuccessHandler(success())
			.authenticationFailureHandler(failure()));
	}

	/** Where the browser may end the provider's session, when the provider says. */
	Mono<Optional<String>> logoutUrl() {
		return findByRegistrationId(REGISTRATION).map(found -> Optional.ofNullable(found.getProviderDetails().getConfigurationMetadata()
			.get("end_session_endpoint"))
			.map(endpoint -> endpoint + "?client_id=" + URLEncoder.encode(found.getClientId(), StandardCharsets.UTF_8)))
			.onErrorResume(error -> Mono.just(Optional.empty()))
			.defaultIfEmpty(Optional.empty());
	}

	private ServerAuthenticationSuccessHandler success() {
		var redirects = new DefaultServerRedirectStrategy();
		return (exchange, authentication) -> {
			var user = (OidcUser) authentication.getPrincipal();
			var caller = claims.caller(user.getClaims());
			var token = tokens.issue(caller);
			var target = UriComponentsBuilder.fromUriString(successUrl())
				.queryParam("access-token", token.value())
				.queryParam("user-id", caller.username())
				.encode()
				.build()
				.toUri();
			log.info("{} signed in through {}", caller.username(), properties.issuer());
			return directory.record(caller, "oidc")
				.onErrorResume(error -> {
					log.warn("could not record the identity of {}: {}", caller.username(), error.getMessage());
					return Mono.empty();
				})
				.then(redirects.sendRedirect(exchange.getExchange(), target));
		};
	}

	private ServerAuthenticationFailureHandler failure() {
		return (exchange, exception) -> {
			log.info("OIDC sign-in failed: {}", exception.getMessage());
			return UnauthorizedProblem.write(exchange.getExchange(), mapper, "the identity provider's sign-in failed",
					"Unauthorized");
		};
	}

	private String successUrl() {
		return properties.successUrl() == null || properties.successUrl().isBlank() ? "/" : properties.successUrl();
	}

	private ClientRegistration discover() {
		var callback = properties.callbackUrl() == null || properties.callbackUrl().isBlank()
				? "{baseUrl}" + CALLBACK : properties.callbackUrl();
		return ClientRegistrations.fromIssuerLocation(properties.issuer())
			.registrationId(REGISTRATION)
			.clientId(properties.clientId())
			.clientSecret(properties.clientSecret())
			.redirectUri(callback)
			.scope(properties.scopes())
			.userNameAttributeName(properties.userinfoMapping().username())
			.build();
	}

}
