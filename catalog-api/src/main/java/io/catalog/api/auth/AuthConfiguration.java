package io.catalog.api.auth;

import java.io.IOException;
import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.reactivestreams.client.MongoDatabase;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import io.catalog.api.access.AccountDirectory;
import io.catalog.api.store.StoreProperties;
import io.catalog.api.user.UserDirectory;

/**
 * Authentication: a bearer credential (catalog token, OIDC access token or API token), when present, must verify, or
 * the request ends with 401; without one the caller is anonymous. What each caller may do is decided by the access policy in the handlers, not here.
 */
@Configuration(proxyBeanMethods = false)
class AuthConfiguration {

	/** The scheduler that checks password hashes. */
	static final String HASHING = "passwordHashing";

	@Bean
	Tokens tokens(AuthProperties properties) {
		return new Tokens(properties);
	}

	@Bean
	ApiTokens apiTokens(MongoDatabase database) {
		return new ApiTokens(database);
	}

	@Bean
	BearerAuthentication bearerAuthentication(Tokens tokens, ApiTokens apiTokens, OidcProperties oidc) {
		return new BearerAuthentication(tokens, apiTokens, oidc);
	}

	@Bean
	LoginThrottle loginThrottle(LoginProperties properties) {
		return new LoginThrottle(properties, Clock.systemUTC());
	}

	@Bean
	ClientAddress clientAddress(LoginProperties properties) {
		return new ClientAddress(properties.trustedProxies());
	}

	/** Where password hashes are checked: a few threads and a bounded queue, disposed with the application. */
	@Bean(name = HASHING, destroyMethod = "dispose")
	Scheduler passwordHashing(LoginProperties properties) {
		return Schedulers.newBoundedElastic(properties.hashingThreads(), properties.hashingQueue(), "password-hashing");
	}

	@Bean
	OidcLogin oidcLogin(OidcProperties oidc, Tokens tokens, ObjectMapper mapper, UserDirectory directory) {
		return new OidcLogin(oidc, tokens, mapper, directory);
	}

	@Bean
	Accounts accounts(AuthProperties properties, StoreProperties store, ObjectMapper mapper) throws IOException {
		return Accounts.load(properties, store.dataDir(), mapper);
	}

	/** The functional accounts by name, for features that act on behalf of a named user (jobs). */
	@Bean
	AccountDirectory accountDirectory(Accounts accounts) {
		return accounts::find;
	}

	/** SciCat pids hold a slash, which clients send encoded ({@code %2F}) inside one path segment. */
	@Bean
	ServerWebExchangeFirewall firewall() {
		var firewall = new StrictServerWebExchangeFirewall();
		firewall.setAllowUrlEncodedSlash(true);
		firewall.setAllowUrlEncodedPercent(true);
		return firewall;
	}

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ObjectMapper mapper,
			BearerAuthentication bearer, OidcLogin oidcLogin) {
		ServerAuthenticationEntryPoint unauthorized = (exchange, ex) -> UnauthorizedProblem.expired(ex)
				? UnauthorizedProblem.write(exchange, mapper, "the token has expired: sign in again", "SESSION_EXPIRED")
				: UnauthorizedProblem.write(exchange, mapper, "invalid or expired token", "Unauthorized");
		oidcLogin.configure(http);
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
			.oauth2ResourceServer(oauth -> oauth.authenticationManagerResolver(bearer).authenticationEntryPoint(unauthorized)
				.bearerTokenConverter(BearerAuthentication.credentials()))
			.build();
	}

}
