package io.catalog.api.web;

import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.reactive.UrlHandlerFilter;
import org.springframework.web.reactive.config.PathMatchConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * SciCat's transport: case-insensitive paths with or without a trailing slash, keep-alive connections that are
 * always read again, problem bodies on the refusals the server answers by itself, and {@code If-Unmodified-Since}.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebFluxConfigurer {

	@Bean
	NettyServerCustomizer keepAliveReads() {
		return KeepAliveReads.customizer();
	}

	@Bean
	NettyServerCustomizer lenientUris() {
		return LenientUris.customizer();
	}

	/** SciCat's routes answer with or without a trailing slash ({@code /api/v3/Instruments/?filter=...}). */
	@Bean
	UrlHandlerFilter trailingSlashes() {
		return UrlHandlerFilter.trailingSlashHandler("/api/**").mutateRequest().build();
	}

	@Bean
	NettyServerCustomizer problemResponses() {
		return ProblemResponses.customizer();
	}

	@Bean
	UnmodifiedSince unmodifiedSince() {
		return new UnmodifiedSince();
	}

	@Override
	public void configurePathMatching(PathMatchConfigurer configurer) {
		configurer.setUseCaseSensitiveMatch(false);
	}

}
