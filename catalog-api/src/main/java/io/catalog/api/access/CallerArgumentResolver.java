package io.catalog.api.access;

import reactor.core.publisher.Mono;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;

/** Resolves a handler's {@link Caller} parameter from the verified credential, or anonymous without one. */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Caller.class;
	}

	@Override
	public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
			ServerWebExchange exchange) {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(context -> context.getAuthentication())
			.filter(CallerAuthentication.class::isInstance)
			.map(auth -> (Object) ((CallerAuthentication) auth).caller())
			.defaultIfEmpty(Caller.ANONYMOUS);
	}

}
