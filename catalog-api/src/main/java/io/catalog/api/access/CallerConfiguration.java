package io.catalog.api.access;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/** Hands the caller to every handler that asks for it. */
@Configuration(proxyBeanMethods = false)
class CallerConfiguration implements WebFluxConfigurer {

	@Override
	public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
		configurer.addCustomResolver(new CallerArgumentResolver());
	}

}
