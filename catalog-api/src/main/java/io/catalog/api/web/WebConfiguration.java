package io.catalog.api.web;

import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.PathMatchConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

import io.catalog.api.access.CallerArgumentResolver;

/**
 * SciCat's transport: case-insensitive paths, the caller handed to every handler that asks for it, keep-alive
 * connections that are always read again, and problem bodies on the refusals the server answers by itself.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebFluxConfigurer {

	@Bean
	NettyServerCustomizer keepAliveReads() {
		return KeepAliveReads.customizer();
	}

	@Bean
	NettyServerCustomizer problemResponses() {
		return ProblemResponses.customizer();
	}

	@Override
	public void configurePathMatching(PathMatchConfigurer configurer) {
		configurer.setUseCaseSensitiveMatch(false);
	}

	@Override
	public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
		configurer.addCustomResolver(new CallerArgumentResolver());
	}

}
