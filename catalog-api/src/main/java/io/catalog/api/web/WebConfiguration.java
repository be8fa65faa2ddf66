package io.catalog.api.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.PathMatchConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

import io.catalog.api.access.CallerArgumentResolver;

/** SciCat's transport: case-insensitive paths, and the caller handed to every handler that asks for it. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebFluxConfigurer {

	@Override
	public void configurePathMatching(PathMatchConfigurer configurer) {
		configurer.setUseCaseSensitiveMatch(false);
	}

	@Override
	public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
		configurer.addCustomResolver(new CallerArgumentResolver());
	}

}
