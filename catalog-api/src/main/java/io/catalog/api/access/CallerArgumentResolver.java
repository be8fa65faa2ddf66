package io.catalog.api.access;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;

/** Resolves a handler's {@link Caller} parameter from the verified token, or anonymous without one. */
public final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Caller.class;
	}

	@Override
	public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
			ServerWebExchange exchange) {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(context -> context.getAuthentication())
			.filter(JwtAuthenticationToken.class::isInstance)
			.map(auth -> (Object) fromToken((JwtAuthenticationToken) auth))
			.defaultIfEmpty(Caller.ANONYMOUS);
	}

	private static Caller fromToken(JwtAuthenticationToken token) {
		var jwt = token.getToken();
		List<String> groups = jwt.hasClaim("groups") ? jwt.getClaimAsStringList("groups") : List.of();
		var username = jwt.hasClaim("username") ? jwt.getClaimAsString("username") : jwt.getSubject();
		return Caller.of(username, jwt.getClaimAsString("email"), groups);
	}

}
